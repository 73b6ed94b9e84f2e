using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;

namespace Callout.Dashboard.Tests.Security;

/// <summary>
/// Hardening item 6: wall links are durable and shared. A revoke that cannot be saved says so; the file is written
/// whole or not at all, and a damaged one stops start-up with its name; a link sent as a Bearer token opens the API
/// and the hub but never a page; servers sharing the data folder see each other's revokes.
/// </summary>
public sealed class WallLinkTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("callout-links-").FullName;
    private readonly EphemeralDataProtectionProvider _keys = new();
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreatePostgresAsync();

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void Store_TwoProcessesOnOneFolder_SeeEachOthersLinksAndRevokes()
    {
        var one = Store();
        var two = Store();
        var revokedOnTwo = new List<string>();
        two.Revoked += revokedOnTwo.Add;

        var (token, secret) = one.Create("TV", [], "ada");
        Assert.Equal(token.Id, two.Validate(secret)?.Id);
        one.Revoke(token.Id, "ada");
        two.ReloadIfChanged();

        Assert.Null(two.Validate(secret));
        Assert.Equal([token.Id], revokedOnTwo);
        // Made on the second after the first revoked: the first's revoke is not undone by the second's write.
        two.Create("Other TV", [], "ada");
        Assert.True(Store().Find(token.Id)!.IsRevoked);
    }

    [Fact]
    public void Store_FolderCannotBeWritten_CreateMakesNoLink_RevokeSaysItIsNotSaved_AndCanBeSavedLater()
    {
        var store = Store();
        var (kept, secret) = store.Create("TV", [], "ada");
        Directory.Delete(_folder, recursive: true);
        File.WriteAllText(_folder, "a file where the folder was");
        try
        {
            var create = Assert.Throws<SharedStateException>(() => store.Create("New TV", [], "ada"));
            var revoke = Assert.Throws<SharedStateException>(() => store.Revoke(kept.Id, "ada"));

            Assert.Contains("could not be saved", create.Message);
            Assert.DoesNotContain(store.All(), t => t.Name == "New TV");
            Assert.Contains("Auth:DataDirectory", revoke.Message);
            // Stopped here regardless: the screen must not keep running because the disk is broken.
            Assert.Null(store.Validate(secret));
            Assert.True(store.IsRevokeUnsaved(kept.Id));
        }
        finally
        {
            File.Delete(_folder);
            Directory.CreateDirectory(_folder);
        }

        // Once the folder is back, revoking again saves it: a new process reads it revoked.
        Assert.True(store.Revoke(kept.Id, "ada"));
        Assert.False(store.IsRevokeUnsaved(kept.Id));
        Assert.True(Store().Find(kept.Id)!.IsRevoked);
    }

    [Fact]
    public void Store_Writes_WholeFileOwnerOnly_NoLeftovers()
    {
        var store = Store();
        for (var i = 0; i < 20; i++)
        {
            store.Create($"TV {i}", [], "ada");
        }

        var file = Path.Combine(_folder, "wall-tokens.json");
        Assert.Equal(20, JsonSerializer.Deserialize<JsonElement>(File.ReadAllText(file)).GetArrayLength());
        Assert.Equal(["wall-tokens.json"], Directory.GetFiles(_folder).Select(Path.GetFileName));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }
    }

    [Fact]
    public void Start_DamagedLinkFile_StopsWithItsName()
    {
        File.WriteAllText(Path.Combine(_folder, "wall-tokens.json"), "[{\"id\": \"half a fi");
        using var app = DashboardApp.OnPostgres(_db.ConnectionString, ("Auth:DataDirectory", _folder));

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("wall-tokens.json is damaged", error.ToString());
    }

    [Fact]
    public async Task BearerToken_OpensApiNotPages()
    {
        await using var app = DashboardApp.OnPostgres(_db.ConnectionString, ("Auth:Mode", "Local"), ("Auth:Users:0:UserName", "ada"),
            ("Auth:Users:0:PasswordHash", LocalUsers.Hash("x")), ("Auth:Users:0:Roles:0", Roles.Admin));
        var (_, secret) = app.Services.GetRequiredService<WallTokenStore>().Create("TV", [], "ada");
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);

        var api = await client.GetAsync("/api/board");
        var page = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/login", page.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task TwoServers_RevokeOnOne_StopsTheApiAndHubOfTheOther()
    {
        await using var one = DashboardApp.OnPostgres(_db.ConnectionString, ("Auth:DataDirectory", _folder));
        await using var two = DashboardApp.OnPostgres(_db.ConnectionString, ("Auth:DataDirectory", _folder));
        var (token, secret) = one.Services.GetRequiredService<WallTokenStore>().Create("TV", [], "ada");
        var api = two.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/board")).StatusCode);
        await using var hub = await HubClient.ConnectAsync(two.Server, accessToken: secret);
        await hub.SubscribeAsync();
        var closed = new TaskCompletionSource();
        hub.Connection.Closed += _ => { closed.TrySetResult(); return Task.CompletedTask; };

        one.Services.GetRequiredService<WallTokenStore>().Revoke(token.Id, "ada");

        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/board")).StatusCode);
        Assert.Same(closed.Task, await Task.WhenAny(closed.Task, Task.Delay(TimeSpan.FromSeconds(5))));
    }

    private WallTokenStore Store() => new(
        _keys,
        Options.Create(new AuthOptions { DataDirectory = _folder }),
        new HostingEnvironment { ContentRootPath = _folder },
        TimeProvider.System,
        NullLogger<WallTokenStore>.Instance);
}
