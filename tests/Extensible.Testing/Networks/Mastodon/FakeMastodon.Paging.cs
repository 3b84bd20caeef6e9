using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Extensible.Testing.Networks.Mastodon;

/// <summary>
/// Lists paged as Mastodon pages them (<c>paginate_by_id</c>), for notifications and conversations alike: newest first by
/// id; <c>max_id</c> keeps those strictly older; <c>since_id</c> those newer, newest first; <c>min_id</c> the page right
/// after it (the oldest ones newer than it, answered newest first), and it wins over <c>since_id</c>; <c>limit</c> clamped
/// to the endpoint's maximum. A page with results carries <c>Link</c>: <c>next</c> (max_id of the last), <c>prev</c>
/// (min_id of the first).
/// </summary>
public sealed partial class FakeMastodon
{
    private static readonly string[] PagingIds = ["max_id", "since_id", "min_id"];

    /// <summary>
    /// Answers one page of <paramref name="items"/> (ids are numbers, compared as numbers), or 400 for a
    /// <c>limit</c> or an id that is not a number. <paramref name="linkPath"/> makes the <c>Link</c> URLs from the limit
    /// asked: everything before the paging parameter, ending in <c>?</c> or <c>&amp;</c>.
    /// </summary>
    private static IResult Paged<T>(
        HttpRequest request, IEnumerable<T> items, Func<T, string> idOf, int defaultLimit, int maxLimit, Func<int, string> linkPath, Func<T, JsonNode> json)
    {
        var query = request.Query;
        var limit = defaultLimit;
        if (query.ContainsKey("limit"))
        {
            if (!int.TryParse(query["limit"], NumberStyles.None, CultureInfo.InvariantCulture, out limit))
            {
                return Error(400, "limit must be a number");
            }

            limit = Math.Clamp(limit, 1, maxLimit);
        }

        var bounds = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var name in PagingIds)
        {
            if (query[name].ToString() is { Length: > 0 } text)
            {
                if (!decimal.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var bound))
                {
                    return Error(400, name + " must be an id");
                }

                bounds[name] = bound;
            }
        }

        decimal Id(T item) => decimal.Parse(idOf(item), CultureInfo.InvariantCulture);
        var candidates = items;
        if (bounds.TryGetValue("max_id", out var max))
        {
            candidates = candidates.Where(i => Id(i) < max);
        }

        List<T> page;
        if (bounds.TryGetValue("min_id", out var min))
        {
            page = [.. candidates.Where(i => Id(i) > min).OrderBy(Id).Take(limit).OrderByDescending(Id)];
        }
        else
        {
            if (bounds.TryGetValue("since_id", out var since))
            {
                candidates = candidates.Where(i => Id(i) > since);
            }

            page = [.. candidates.OrderByDescending(Id).Take(limit)];
        }

        if (page.Count > 0)
        {
            var path = linkPath(limit);
            request.HttpContext.Response.Headers["Link"] = $"<{path}max_id={idOf(page[^1])}>; rel=\"next\", <{path}min_id={idOf(page[0])}>; rel=\"prev\"";
        }

        return Json(new JsonArray([.. page.Select(json)]));
    }
}
