using System.Buffers.Text;
using System.Text;
using Grpc.Core;
using TclHotline.ServiceDefaults.Grpc;
using TclHotline.ServiceDefaults.Validation;
using Xunit;

namespace TclHotline.Foundation.Tests.Domain;

public sealed class PageTokenTests
{
    private const string List = "orders.list";

    private sealed record Position(DateTimeOffset RegisteredAt, string OrderNumber);

    [Fact]
    public void A_token_gives_back_the_key_it_was_made_from()
    {
        var last = new Position(new DateTimeOffset(2025, 3, 12, 10, 0, 0, 123, TimeSpan.FromHours(8)), "SO20250312-000042");

        var token = PageToken.Encode(List, last);

        Assert.Equal(last, PageToken.Decode<Position>(List, token));
        Assert.True(Base64Url.IsValid(token));
        Assert.DoesNotContain("SO20250312", token); // opaque: the key is not spelled out
    }

    [Fact]
    public void No_token_is_the_first_page()
    {
        Assert.Null(PageToken.Decode<Position>(List, ""));
        Assert.Null(PageToken.Decode<Position>(List, null));
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("2")] // an offset, as lists once took
    [InlineData("!!!")]
    public void A_malformed_token_is_refused_naming_page_token(string token)
    {
        var refusal = Assert.Throws<RpcException>(() => PageToken.Decode<Position>(List, token));

        Assert.Equal(StatusCode.InvalidArgument, refusal.StatusCode);
        Assert.Equal("page_token", refusal.Trailers.GetValue("invalid-fields"));
        Assert.Contains("page_token", refusal.Status.Detail);
    }

    [Fact]
    public void A_token_of_another_list_or_with_a_missing_key_part_is_refused()
    {
        var foreign = PageToken.Encode("complaints.list", new Position(DateTimeOffset.UnixEpoch, "SO1"));
        var partial = Base64Url.EncodeToString(Encoding.UTF8.GetBytes("""{"List":"orders.list","After":{"RegisteredAt":"2025-03-12T10:00:00+08:00"}}"""));

        foreach (var token in new[] { foreign, partial })
        {
            var errors = new FieldErrors();
            Assert.Null(PageToken.Decode<Position>(List, token, errors));
            Assert.Equal(["page_token"], errors.Errors.Select(e => e.Field));
        }
    }

    [Fact]
    public void A_page_read_with_one_row_more_says_where_the_next_begins()
    {
        var rows = Enumerable.Range(1, 3).Select(i => new Position(DateTimeOffset.UnixEpoch.AddMinutes(i), $"SO{i}")).ToList();

        var (items, next) = PageToken.Page(List, rows, 2, r => r);
        var (last, none) = PageToken.Page(List, rows.Skip(2).ToList(), 2, r => r);

        Assert.Equal(rows.Take(2), items);
        Assert.Equal(rows[1], PageToken.Decode<Position>(List, next));
        Assert.Equal([rows[2]], last);
        Assert.Equal("", none);
    }
}
