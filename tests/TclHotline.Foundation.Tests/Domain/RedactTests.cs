using TclHotline.ServiceDefaults.Observability;
using Xunit;

namespace TclHotline.Foundation.Tests.Domain;

public sealed class RedactTests
{
    [Theory]
    [InlineData("13812345678", "138******78")]
    [InlineData("0731-84561234", "073*******34")]
    [InlineData("", "")]
    public void Phone_numbers_keep_only_the_first_three_and_last_two_digits(string phone, string masked) =>
        Assert.Equal(masked, Redact.Phone(phone));

    [Fact]
    public void Names_keep_only_the_first_character() => Assert.Equal("张**", Redact.Name("张三丰"));

    [Fact]
    public void Street_addresses_are_hidden_entirely() => Assert.Equal("***", Redact.Address("岳麓区麓山南路 932 号"));
}
