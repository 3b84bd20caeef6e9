using Extensible.EventStore;
using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Extensible.Inbox.SavedReplies;

/// <summary>Registers the saved replies: their events, their inline read model and the library.</summary>
public static class SavedRepliesExtensions
{
    /// <summary>Adds the workspace libraries of saved replies.</summary>
    public static IServiceCollection AddSavedReplies(this IServiceCollection services)
    {
        services.Configure<EventStoreOptions>(options => options.Events
            .Register("inbox_saved_reply_created", SavedRepliesJsonContext.Default.SavedReplyCreated)
            .Register("inbox_saved_reply_edited", SavedRepliesJsonContext.Default.SavedReplyEdited)
            .Register("inbox_saved_reply_deleted", SavedRepliesJsonContext.Default.SavedReplyDeleted));
        services.ConfigureMarten(options =>
        {
            SavedReplyTables.Declare(options);
            options.Projections.Add(new SavedReplyProjection(), ProjectionLifecycle.Inline);
        });
        services.AddSingleton<SavedReplyLibrary>();
        return services;
    }
}
