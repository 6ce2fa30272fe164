using TclHotline.Intake.Domain.Calls;

namespace TclHotline.Intake.Tests.Domain;

public class CallerNumberTests
{
    [Theory]
    [InlineData("13812345678", "13812345678")]
    [InlineData("199 1234 5678", "19912345678")]
    [InlineData("010-62345678", "01062345678")]   // Beijing: 3-digit area code, 8 digits
    [InlineData("020 8888 8888", "02088888888")]
    [InlineData("0731-8888888", "07318888888")]   // 4-digit area code, 7 digits
    [InlineData("0731-88888888", "073188888888")]
    [InlineData("4008123123", "4008123123")]
    [InlineData("400-812-3123", "4008123123")]
    public void Accepted_numbers_are_kept_as_digits(string raw, string normalized)
    {
        Assert.Equal(normalized, CallerNumber.Normalize(raw));
    }

    [Theory]
    [InlineData("12812345678")]   // no mobile starts 12
    [InlineData("1381234567")]    // 10 digits
    [InlineData("138123456789")]  // 12 digits
    [InlineData("88888888")]      // landline without area code
    [InlineData("010-0123456")]   // local number cannot start with 0
    [InlineData("010-12345678")]  // nor with 1 (service numbers)
    [InlineData("0731-888888")]   // 6-digit local number
    [InlineData("800-812-3123")]
    [InlineData("+86 13812345678")]
    [InlineData("abc")]
    [InlineData(null)]
    public void Other_numbers_are_refused(string? raw)
    {
        Assert.Null(CallerNumber.Normalize(raw));
    }
}
