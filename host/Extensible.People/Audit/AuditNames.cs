namespace Extensible.People.Audit;

/// <summary>
/// The names the trail's sentences use, looked up once per page: people by id and by email (a person who left the
/// workspace keeps their account, so keeps their name), invitations, tokens and plugins by id.
/// </summary>
internal sealed class AuditNames
{
    /// <summary>What the trail calls the server's own jobs.</summary>
    public const string System = "Extensible";

    public Dictionary<Guid, (string Email, string Name)> PeopleById { get; } = [];

    public Dictionary<string, string> PeopleByEmail { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<Guid, string> InvitationEmails { get; } = [];

    public Dictionary<Guid, string> TokenNames { get; } = [];

    public Dictionary<string, string> PluginNames { get; } = new(StringComparer.Ordinal);

    /// <summary>Who did it: their name, their email when they have no account, the server for its own jobs.</summary>
    public string Actor(string? user) => user switch
    {
        null or "" or "unknown" => "Someone",
        "system" => System,
        _ when PeopleByEmail.TryGetValue(user, out var name) => name,
        // Some modules record who acted by their id (the inbox's moderators, say).
        _ when Guid.TryParse(user, out var id) && PeopleById.TryGetValue(id, out var person) => person.Name,
        _ => user,
    };

    /// <summary>A person by id: their name, or "a former account" when the read model has no such person.</summary>
    public string Person(Guid? id) => id is { } known && PeopleById.TryGetValue(known, out var person) ? person.Name : "a person no longer known";

    /// <summary>Whether <paramref name="user"/> (the actor's email) is the person <paramref name="id"/>.</summary>
    public bool IsSelf(string? user, Guid? id) =>
        user is not null && id is { } known && PeopleById.TryGetValue(known, out var person) && string.Equals(person.Email, user, StringComparison.OrdinalIgnoreCase);

    /// <summary>A plugin by id: its name from its last install, else its id.</summary>
    public string Plugin(string? id) => id is null ? "a plugin" : PluginNames.TryGetValue(id, out var name) ? name : id;
}
