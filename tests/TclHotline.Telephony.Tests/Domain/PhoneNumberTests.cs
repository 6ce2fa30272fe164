using TclHotline.Telephony.Domain;

namespace TclHotline.Telephony.Tests.Domain;

public sealed class PhoneNumberTests
{
    [Theory]
    [InlineData("13800138000", "13800138000")]
    [InlineData("+86 138-0013-8000", "13800138000")]
    [InlineData("8613800138000", "13800138000")]
    [InlineData("008613800138000", "13800138000")]
    [InlineData("0755-86001234", "075586001234")]
    [InlineData("86001234", "86001234")]          // a local number starting 86 keeps its digits
    [InlineData("", "")]
    [InlineData(null, "")]
    public void The_pbx_number_and_intakes_number_meet_in_one_form(string? number, string expected) =>
        Assert.Equal(expected, PhoneNumber.Normalize(number));
}
