using System.Text;
using Extensible.People.TwoFactor;

namespace Extensible.Host.Tests.People;

public sealed class totp_matches_the_rfc_test_vectors
{
    // RFC 4226 Appendix D and RFC 6238 Appendix B (SHA-1) both use this ASCII key.
    private static readonly byte[] Key = Encoding.ASCII.GetBytes("12345678901234567890");

    [Theory]
    [InlineData(0, "755224")]
    [InlineData(1, "287082")]
    [InlineData(2, "359152")]
    [InlineData(3, "969429")]
    [InlineData(4, "338314")]
    [InlineData(5, "254676")]
    [InlineData(6, "287922")]
    [InlineData(7, "162583")]
    [InlineData(8, "399871")]
    [InlineData(9, "520489")]
    public void hotp_gives_rfc_4226s_values(long counter, string expected) => Assert.Equal(expected, Totp.Hotp(Key, counter));

    [Theory]
    [InlineData(59L, "94287082")]
    [InlineData(1111111109L, "07081804")]
    [InlineData(1111111111L, "14050471")]
    [InlineData(1234567890L, "89005924")]
    [InlineData(2000000000L, "69279037")]
    [InlineData(20000000000L, "65353130")]
    public void totp_gives_rfc_6238s_sha1_values(long unixSeconds, string expected) =>
        Assert.Equal(expected, Totp.Code(Key, DateTimeOffset.FromUnixTimeSeconds(unixSeconds), digits: 8));

    [Fact]
    public void a_code_matches_one_step_either_side_and_no_further()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1111111111);
        var step = Totp.TimeStep(now);

        Assert.Equal(step, Totp.Match(Key, Totp.Code(Key, now), now));
        Assert.Equal(step - 1, Totp.Match(Key, Totp.Hotp(Key, step - 1), now));
        Assert.Equal(step + 1, Totp.Match(Key, Totp.Hotp(Key, step + 1), now));
        Assert.Null(Totp.Match(Key, Totp.Hotp(Key, step - 2), now));
        Assert.Null(Totp.Match(Key, Totp.Hotp(Key, step + 2), now));
        Assert.Null(Totp.Match(Key, "12345", now));
        Assert.Null(Totp.Match(Key, "abcdef", now));
        Assert.Null(Totp.Match(Key, null, now));
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("f", "MY")]
    [InlineData("fo", "MZXQ")]
    [InlineData("foo", "MZXW6")]
    [InlineData("foob", "MZXW6YQ")]
    [InlineData("fooba", "MZXW6YTB")]
    [InlineData("foobar", "MZXW6YTBOI")]
    public void base32_gives_rfc_4648s_values_both_ways(string text, string base32)
    {
        Assert.Equal(base32, Base32.Encode(Encoding.ASCII.GetBytes(text)));
        Assert.Equal(text, Encoding.ASCII.GetString(Base32.Decode(base32.ToLowerInvariant() + "==")!));
    }

    [Fact]
    public void base32_refuses_what_is_not_base32() => Assert.Null(Base32.Decode("MZXW1"));
}
