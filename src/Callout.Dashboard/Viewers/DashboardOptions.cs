namespace Callout.Dashboard.Viewers;

/// <summary>The <c>Dashboard</c> section: how the pages show the board.</summary>
public sealed class DashboardOptions
{
    public const string Section = "Dashboard";

    /// <summary>Destination numbers are personal data: masked unless an operator turns this off.</summary>
    public bool MaskPhoneNumbers { get; set; } = true;

    /// <summary>Roles that see destination numbers in full while masking is on; none by default.</summary>
    public List<string> FullNumberRoles { get; set; } = [];

    /// <summary>
    /// The pages' language and formats (en, nb, sv, da, fi, or a regional variant such as nb-NO) for every screen;
    /// unset, each browser's Accept-Language decides. A wall link's <c>?lang=</c> overrules both.
    /// </summary>
    public string? Culture { get; set; }

    /// <summary>Upper bound on re-renders per page and second, however fast the board changes.</summary>
    public int MaxRendersPerSecond { get; set; } = 4;
}
