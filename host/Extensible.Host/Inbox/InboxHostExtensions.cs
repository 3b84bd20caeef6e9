using Extensible.Inbox;

namespace Extensible.Host.Inbox;

/// <summary>Wires the inbox (ingestion, read model, actions) into the host.</summary>
public static class InboxHostExtensions
{
    /// <summary>Adds the inbox's events, read model and services.</summary>
    public static IHostApplicationBuilder AddExtensibleInbox(this IHostApplicationBuilder builder)
    {
        builder.Services.AddInbox();
        return builder;
    }
}
