using Callout.Dashboard.Demo;

namespace Callout.Dashboard.Tests.Viewers;

/// <summary>Which sign-in mode is in force, what refuses to start, and how claims become access.</summary>
public sealed class AccessModeTests
{
    private const string SqliteFile = "Data Source=:memory:";

    [Theory]
    [InlineData(null, null, AuthMode.None)]
    [InlineData(SqliteFile, null, AuthMode.Local)]
    [InlineData(SqliteFile, true, AuthMode.None)]
    [InlineData(null, false, AuthMode.Local)]
    public void Mode_Unset_IsNoneOnlyForTheDemo(string? connectionString, bool? demoEnabled, AuthMode expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:RawData"] = connectionString }).Build();

        var mode = new AccessMode(Options.Create(new AuthOptions()), Options.Create(new DemoOptions { Enabled = demoEnabled }), configuration);

        Assert.Equal(expected, mode.Mode);
        Assert.False(mode.IsExplicit);
    }

    [Fact]
    public void Start_ConfiguredDatabaseWithoutUsers_RefusesAndSaysWhatToDo()
    {
        using var app = new DashboardApp(new Dictionary<string, string?> { ["ConnectionStrings:RawData"] = SqliteFile, ["Auth:Mode"] = "" });

        var error = app.StartFailure<OptionsValidationException>();

        Assert.Contains("no user is defined in Auth:Users", error.Message);
        Assert.Contains("hash-password", error.Message);
    }

    [Theory]
    [InlineData("Auth:Users:0:PasswordHash", "hunter2", "Auth:Users:0:PasswordHash is not a password hash")]
    [InlineData("Auth:Users:0:Roles:0", "Boss", "Auth:Users:0:Roles must list")]
    [InlineData("Auth:Users:0:UserName", "", "Auth:Users:0:UserName is empty")]
    public void Start_BadLocalUser_RefusesNamingTheKey(string key, string value, string message)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:RawData"] = SqliteFile,
            ["Auth:Mode"] = "Local",
            ["Auth:Users:0:UserName"] = "ada",
            ["Auth:Users:0:PasswordHash"] = LocalUsers.Hash("pw"),
            ["Auth:Users:0:Roles:0"] = Roles.Admin,
        };
        settings[key] = value;
        using var app = new DashboardApp(settings);

        var error = app.StartFailure<OptionsValidationException>();

        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Start_OpenIdConnectWithoutProvider_Refuses()
    {
        using var app = new DashboardApp(new Dictionary<string, string?> { ["ConnectionStrings:RawData"] = SqliteFile, ["Auth:Mode"] = "OpenIdConnect" });

        var error = app.StartFailure<OptionsValidationException>();

        Assert.Contains("Auth:OpenIdConnect:Authority", error.Message);
        Assert.Contains("Auth:OpenIdConnect:ClientId", error.Message);
    }

    [Fact]
    public async Task Start_NoneSetOnPurpose_LogsAWarning()
    {
        // A database the start-up check passes: an in-memory one has no Raw data tables.
        await using var db = await TestDatabase.CreateSqliteAsync();
        using var app = new DashboardApp(new Dictionary<string, string?> { ["ConnectionStrings:RawData"] = db.ConnectionString, ["Auth:Mode"] = "None" });
        using var logged = app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddFakeLogging()));

        logged.CreateClient().Dispose();

        var warning = Assert.Single(logged.Services.GetFakeLogCollector().GetSnapshot(), r => r.Category == typeof(AccessModeReport).FullName);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("Auth:Mode is None", warning.Message);
    }

    [Fact]
    public void OpenIdConnect_RolesAndQueues_FromListOrArrayClaims_BecomeOurs()
    {
        var identity = new ClaimsIdentity(
        [
            new Claim("roles", "[\"TeamLead\",\"Payroll\"]"),
            new Claim("callout_queues", "__Callout_A __Callout_B"),
        ], "oidc", "name", ClaimTypes.Role);

        OpenIdConnectSignIn.AddOurClaims(identity, new OpenIdConnectSettings());
        var access = ViewerAccess.For(new ClaimsPrincipal(identity), new DashboardOptions { FullNumberRoles = [Roles.TeamLead] });

        Assert.Contains(identity.FindAll(ClaimTypes.Role), c => c.Value == Roles.TeamLead);
        Assert.DoesNotContain(identity.FindAll(ClaimTypes.Role), c => c.Value == "Payroll");
        Assert.Equal(["__Callout_A", "__Callout_B"], access.AllowedQueues!.Order());
        Assert.True(access.FullNumbers);
    }

    [Fact]
    public void Scope_RefusesAnyKeyOutsideAllowed_AndNeverWidensToAll()
    {
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, Roles.Viewer), new Claim(CalloutClaims.Queue, "A")], "test"));
        var access = ViewerAccess.For(principal, new DashboardOptions());

        var all = access.Scope(QueueFilter.All);
        var own = access.Scope(new QueueFilter(["A"]));
        var other = access.Scope(new QueueFilter(["A", "B"]));

        Assert.Equal(["A"], all.Filter!.Keys);
        Assert.Equal(["A"], own.Filter!.Keys);
        Assert.True(other.IsRefused);
        Assert.Equal(["B"], other.Refused);
        Assert.True(access.MaskNumbers);
    }

    [Fact]
    public void WallToken_NeverSeesFullNumbers_EvenInAFullNumberRole()
    {
        var token = new WallToken("id", "TV", [], DateTimeOffset.UnixEpoch, "admin", null, null);

        var access = ViewerAccess.For(token, new DashboardOptions { FullNumberRoles = [Roles.Wall, Roles.Viewer] });

        Assert.True(access.MaskNumbers);
        Assert.Null(access.AllowedQueues);
        Assert.Equal("id", access.WallTokenId);
    }
}
