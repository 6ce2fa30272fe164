using Grpc.Core;
using TclHotline.ServiceDefaults.Validation;
using Xunit;

namespace TclHotline.Foundation.Tests.Domain;

public sealed class FieldErrorsTests
{
    [Fact]
    public void Every_bad_field_is_named_in_one_invalid_argument()
    {
        var errors = new FieldErrors();
        errors.Required("serial_number", " ");
        errors.MaxLength("customer_name", new string('x', 65), 64);
        errors.Required("fine_field", "value");

        var e = Assert.Throws<RpcException>(errors.ThrowIfAny);
        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        Assert.Contains("serial_number is required", e.Status.Detail);
        Assert.Contains("customer_name is longer than 64", e.Status.Detail);
        Assert.Equal("serial_number,customer_name", e.Trailers.GetValue("invalid-fields"));
    }

    [Fact]
    public void No_errors_means_no_exception() => new FieldErrors().ThrowIfAny();
}
