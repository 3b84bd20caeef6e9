using System.Net;
using Extensible.People;

namespace Extensible.Host.Tests.Api;

public sealed class audit_pages_by_keyset(ApiHost api) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task pages_follow_next_newest_first_without_overlap()
    {
        for (var i = 0; i < 3; i++)
        {
            await api.AddMemberAsync(Role.Analyst);
        }

        using var client = api.Client(ApiHost.OwnerToken);
        var sequences = new List<long>();
        string? next = "/api/v1/audit?limit=4";
        var pages = 0;
        while (next is not null)
        {
            var page = await (await client.GetAsync(next)).JsonAsync();
            var entries = page.GetProperty("entries").EnumerateArray().ToList();
            Assert.InRange(entries.Count, 1, 4);
            sequences.AddRange(entries.Select(e => e.GetProperty("sequence").GetInt64()));
            next = page.GetProperty("next").GetString();
            pages++;
        }

        Assert.True(pages > 2, "Expected several pages.");
        Assert.Equal(sequences.OrderDescending(), sequences);
        Assert.Equal(sequences.Count, sequences.Distinct().Count());
        var all = await (await client.GetAsync("/api/v1/audit?limit=200")).JsonAsync();
        Assert.Equal(sequences, all.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("sequence").GetInt64()));
    }

    [Fact]
    public async Task filters_by_type_and_by_person_and_keeps_secrets_hashes_out()
    {
        await api.AddMemberAsync(Role.Editor);
        using var client = api.Client(ApiHost.OwnerToken);

        var invited = await (await client.GetAsync("/api/v1/audit?type=member_invited")).JsonAsync();
        var byOwner = await (await client.GetAsync($"/api/v1/audit?user={Uri.EscapeDataString(ApiHost.OwnerEmail)}")).JsonAsync();
        var tokens = await client.GetAsync("/api/v1/audit?type=api_token_created");

        Assert.All(invited.GetProperty("entries").EnumerateArray(), e => Assert.Equal("member_invited", e.Text("type")));
        Assert.NotEmpty(invited.GetProperty("entries").EnumerateArray());
        Assert.All(byOwner.GetProperty("entries").EnumerateArray(), e => Assert.Equal(ApiHost.OwnerEmail, e.Text("user")));
        var text = await tokens.Content.ReadAsStringAsync();
        Assert.Contains("api_token_created", text, StringComparison.Ordinal);
        Assert.DoesNotContain("hash", text, StringComparison.OrdinalIgnoreCase);
        var data = (await tokens.JsonAsync()).GetProperty("entries")[0].GetProperty("data");
        Assert.True(data.TryGetProperty("Name", out _) || data.TryGetProperty("name", out _), data.ToString());
    }

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=201")]
    [InlineData("limit=ten")]
    [InlineData("before=-1")]
    [InlineData("before=1e3")]
    [InlineData("type=%00")]
    public async Task refuses_bad_query_values(string query)
    {
        var response = await api.Client(ApiHost.OwnerToken).GetAsync($"/api/v1/audit?{query}");

        Assert.Equal([query.Split('=')[0]], await response.ValidationErrorsAsync());
    }

    [Fact]
    public async Task only_owners_and_admins_read_it()
    {
        var editor = await api.AddMemberAsync(Role.Editor);
        var admin = await api.AddMemberAsync(Role.Admin);

        Assert.Equal(HttpStatusCode.Forbidden, (await api.Client(editor.Token).GetAsync("/api/v1/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.Client(admin.Token).GetAsync("/api/v1/audit")).StatusCode);
    }
}
