using Grpc.Core;
using Microsoft.Extensions.Configuration;
using TclHotline.ServiceDefaults.Database;
using TclHotline.ServiceDefaults.Observability;
using TclHotline.ServiceDefaults.Time;
using TclHotline.ServiceDefaults.Validation;
using Xunit;

namespace TclHotline.Foundation.Tests;

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

public sealed class ControlledClockTests
{
    [Fact]
    public void Advancing_the_shared_offset_moves_every_clock_reading_it()
    {
        var file = Path.GetTempFileName();
        var a = new ControlledClock(file);
        var b = new ControlledClock(file);
        var before = a.GetUtcNow();

        ControlledClock.Advance(file, TimeSpan.FromHours(25));
        Thread.Sleep(150); // clocks re-read the file at most every 100 ms

        Assert.InRange(a.GetUtcNow() - before, TimeSpan.FromHours(25), TimeSpan.FromHours(25.1));
        Assert.InRange(b.GetUtcNow() - before, TimeSpan.FromHours(25), TimeSpan.FromHours(25.1));
    }

    [Fact]
    public void A_clock_started_at_a_chosen_instant_reads_it_whatever_the_hour_and_then_runs_in_real_time()
    {
        // 22:00 Changsha, when the day shifts are over: far from whatever the real clock says.
        var start = new DateTimeOffset(2025, 3, 12, 22, 0, 0, TimeSpan.FromHours(8));
        var clock = new ControlledClock(startAt: start);

        var first = clock.GetUtcNow();
        Thread.Sleep(200);
        var second = clock.GetUtcNow();

        Assert.InRange(first - start, TimeSpan.Zero, TimeSpan.FromSeconds(1));
        Assert.InRange(second - first, TimeSpan.FromMilliseconds(150), TimeSpan.FromSeconds(2));
    }

    [Fact]
    public void Clocks_given_the_same_start_and_real_moment_agree_and_the_offset_file_moves_only_its_own()
    {
        var start = new DateTimeOffset(2025, 3, 12, 10, 0, 0, TimeSpan.FromHours(8));
        var startedAt = TimeProvider.System.GetUtcNow().AddMinutes(-3);
        var file = Path.GetTempFileName();
        var plain = new ControlledClock(startAt: start, startedAt: startedAt);
        var moved = new ControlledClock(file, start, startedAt);

        Assert.InRange(plain.GetUtcNow() - start, TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(3.1));
        ControlledClock.Advance(file, TimeSpan.FromHours(25));
        Thread.Sleep(150); // clocks re-read the file at most every 100 ms

        Assert.InRange(moved.GetUtcNow() - plain.GetUtcNow(), TimeSpan.FromHours(25) - TimeSpan.FromSeconds(1), TimeSpan.FromHours(25) + TimeSpan.FromSeconds(1));
    }
}

public sealed class DatabaseSettingsTests
{
    private static DatabaseSettings With(params (string, string?)[] values) =>
        new(new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Item1, v.Item2))).Build());

    [Fact]
    public void Sqlite_is_the_default_with_a_file_per_service()
    {
        var dir = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"));
        var settings = With(("Database:DataDirectory", dir));
        Assert.Equal(SqlDialect.Sqlite, settings.Dialect);
        Assert.Contains(Path.Combine(dir, "intake.db"), settings.ConnectionStringFor("intake"));
    }

    [Fact]
    public void SqlServer_needs_a_connection_string_per_service()
    {
        var settings = With(("Database:Provider", "SqlServer"), ("ConnectionStrings:intake", "Server=db;Database=intake"));
        Assert.Equal("Server=db;Database=intake", settings.ConnectionStringFor("intake"));
        Assert.Throws<InvalidOperationException>(() => settings.ConnectionStringFor("dispatch"));
    }

    [Fact]
    public void An_unknown_provider_is_refused() =>
        Assert.Throws<InvalidOperationException>(() => With(("Database:Provider", "Oracle")));
}
