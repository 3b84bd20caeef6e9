using Extensible.EventStore;

namespace Extensible.People.Server;

/// <summary>
/// Who operates the server. The person who set Extensible up is its first operator; operators name and remove
/// others, and the server always keeps at least one. Every change goes through one stream, appended at the version
/// read, so two operators removing each other at once cannot leave the server without one.
/// </summary>
public sealed class ServerOperators(EventStore.EventStore store, PeopleDirectory directory)
{
    /// <summary>The stream every operator change is appended to.</summary>
    public const string Stream = PeopleStreams.ServerOperators;

    /// <summary>The tenant of server-wide events (not one workspace's), as the plugin runtime's.</summary>
    public const string Tenant = Audit.AuditEventTypes.ServerTenant;

    /// <summary>Makes the person with <paramref name="email"/> a server operator (nothing when they are one already).</summary>
    /// <exception cref="PeopleValidationException">No account has that email.</exception>
    public async Task NameAsync(string? email, string actor, CancellationToken cancellationToken = default)
    {
        var clean = Input.Email(email);
        var user = await directory.FindUserByEmailAsync(clean, cancellationToken)
            ?? throw new PeopleValidationException("Email", $"Nobody has an account with {clean}: invite them to a workspace first.");
        await ChangeAsync(operators => operators.Contains(user.Id) ? null : new ServerOperatorNamed(user.Id), actor, cancellationToken);
    }

    /// <summary>Removes a server operator; the last one stays.</summary>
    /// <exception cref="PeopleValidationException">Not an operator, or the last one.</exception>
    public Task RemoveAsync(Guid userId, string actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(operators => !operators.Contains(userId)
            ? throw new PeopleValidationException("UserId", "That person is not a server operator.")
            : operators.Count == 1
                ? throw new PeopleValidationException("UserId", "The server keeps at least one operator: name another before removing the last.")
                : new ServerOperatorRemoved(userId), actor, cancellationToken);

    // Read the version, decide on the operators read after it, append at that version: a racing change loses and is retried once.
    private async Task ChangeAsync(Func<IReadOnlySet<Guid>, object?> decide, string actor, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var version = (await store.GetStreamAsync(Stream, Tenant, cancellationToken))?.Version ?? ExpectedVersion.NoStream;
            var operators = (await directory.OperatorsAsync(cancellationToken)).Select(o => o.Id).ToHashSet();
            if (decide(operators) is not { } change)
            {
                return;
            }

            try
            {
                await store.AppendAsync(Stream, version, [change], new EventMetadata { Tenant = Tenant, User = actor }, cancellationToken);
                return;
            }
            catch (StreamConcurrencyException) when (attempt == 0)
            {
                // Someone else changed the operators in between: decide again on what they left.
            }
            catch (StreamConcurrencyException)
            {
                throw new PeopleValidationException("UserId", "Someone else changed the server operators at the same moment: look again and retry.");
            }
        }
    }
}
