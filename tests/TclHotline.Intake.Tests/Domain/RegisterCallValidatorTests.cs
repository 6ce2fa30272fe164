using TclHotline.Intake.Domain;
using TclHotline.Intake.Domain.Calls;
using TclHotline.Intake.Domain.Regions;
using TclHotline.Intake.Tests.Support;
using static TclHotline.Intake.Tests.Support.Clock;

namespace TclHotline.Intake.Tests.Domain;

public class RegisterCallValidatorTests
{
    private static readonly Dictionary<string, Func<RegisterCallInput>> BadInputs = new()
    {
        ["no idempotency key"] = () => Call.Repair with { IdempotencyKey = " " },
        ["idempotency key too long"] = () => Call.Repair with { IdempotencyKey = new string('k', 101) },
        ["call id too long"] = () => Call.Repair with { CallId = new string('c', 101) },
        ["no agent"] = () => Call.Repair with { AgentId = null },
        ["no caller number"] = () => Call.Repair with { CallerNumber = "" },
        ["caller number 12x"] = () => Call.Repair with { CallerNumber = "12812345678" },
        ["landline without area code"] = () => Call.Repair with { CallerNumber = "88888888" },
        ["no customer name"] = () => Call.Repair with { CustomerName = null },
        ["customer name too long"] = () => Call.Repair with { CustomerName = new string('张', 51) },
        ["unknown province"] = () => Call.Repair with { ProvinceCode = "99" },
        ["city of another province"] = () => Call.Repair with { CityCode = "4401", DistrictCode = "440103" },
        ["unknown district"] = () => Call.Repair with { DistrictCode = "430199" },
        ["district of another city"] = () => Call.Repair with { DistrictCode = "430202" },
        ["no street for a visit"] = () => Call.Repair with { StreetAddress = null },
        ["street too long"] = () => Call.Repair with { StreetAddress = new string('路', 201) },
        ["no order type"] = () => Call.Repair with { OrderType = OrderType.Unspecified },
        ["undefined order type"] = () => Call.Repair with { OrderType = (OrderType)99 },
        ["bracket on a repair"] = () => Call.Repair with { BracketSource = BracketSource.Company },
        ["wall mount without bracket"] = () => Call.Repair with { OrderType = OrderType.WallMount },
        ["undefined bracket"] = () => Call.Repair with { OrderType = OrderType.WallMount, BracketSource = (BracketSource)9 },
        ["no product model"] = () => Call.Repair with { ProductModel = null },
        ["product model too long"] = () => Call.Repair with { ProductModel = new string('M', 41) },
        ["no serial on a repair"] = () => Call.Repair with { SerialNumber = null },
        ["serial with symbols"] = () => Call.Repair with { SerialNumber = "55P71C-2403A" },
        ["serial too short"] = () => Call.Repair with { SerialNumber = "55P71" },
        ["purchase date not yyyy-MM-dd"] = () => Call.Repair with { PurchaseDate = "2025/01/10" },
        ["purchase date impossible"] = () => Call.Repair with { PurchaseDate = "2025-02-30" },
        ["purchase date tomorrow"] = () => Call.Repair with { PurchaseDate = "2025-06-02" },
        ["purchase before the serial's production month"] = () => Call.Repair with { PurchaseDate = "2024-02-29" },
        ["purchase before the label's production date"] = () => Call.Repair with { ProductionDate = "2025-01-11" },
        ["invoice number without date"] = () => Call.Repair with { InvoiceDate = null },
        ["invoice date without number"] = () => Call.Repair with { InvoiceNumber = "" },
        ["invoice date tomorrow"] = () => Call.Repair with { InvoiceDate = "2025-06-02" },
        ["invoice number too long"] = () => Call.Repair with { InvoiceNumber = new string('9', 41) },
        ["installation tomorrow"] = () => Call.Repair with { InstallationDate = "2025-06-02" },
        ["installation before purchase"] = () => Call.Repair with { InstallationDate = "2025-01-09" },
        ["hotline installation without date"] = () => Call.Repair with { InstalledThroughHotline = true },
        ["production date tomorrow"] = () => Call.Repair with { ProductionDate = "2025-06-02" },
        ["no fault category on a repair"] = () => Call.Repair with { FaultCategory = FaultCategory.Unspecified },
        ["undefined fault category"] = () => Call.Repair with { FaultCategory = (FaultCategory)42 },
        ["no fault description on a repair"] = () => Call.Repair with { FaultDescription = "  " },
        ["fault description too long"] = () => Call.Repair with { FaultDescription = new string('x', 1001) },
        ["visit time in the past"] = () => Call.Repair with { RequestedVisitAt = Local(Call.Today, "09:59") },
        ["visit time on a consultation"] = () => Call.Repair with { OrderType = OrderType.Consultation, RequestedVisitAt = Local(Call.Today, "15:00") },
        ["complaint without category"] = () => Call.Complaint with { ComplaintCategory = ComplaintCategory.Unspecified },
        ["undefined complaint category"] = () => Call.Complaint with { ComplaintCategory = (ComplaintCategory)77 },
        ["complaint without description"] = () => Call.Complaint with { ComplaintDescription = null },
        ["complaint description too long"] = () => Call.Complaint with { ComplaintDescription = new string('x', 2001) },
        ["complaint category on a repair"] = () => Call.Repair with { ComplaintCategory = ComplaintCategory.EngineerConduct },
        ["complaint description on a repair"] = () => Call.Repair with { ComplaintDescription = "rude" },
        ["related order on a repair"] = () => Call.Repair with { RelatedOrderNumber = "SO-1" },
    };

    public static TheoryData<string, string> BadFieldCases => new()
    {
        { "no idempotency key", RegisterCallFields.IdempotencyKey },
        { "idempotency key too long", RegisterCallFields.IdempotencyKey },
        { "call id too long", RegisterCallFields.CallId },
        { "no agent", RegisterCallFields.AgentId },
        { "no caller number", RegisterCallFields.CallerNumber },
        { "caller number 12x", RegisterCallFields.CallerNumber },
        { "landline without area code", RegisterCallFields.CallerNumber },
        { "no customer name", RegisterCallFields.CustomerName },
        { "customer name too long", RegisterCallFields.CustomerName },
        { "unknown province", RegisterCallFields.ProvinceCode },
        { "city of another province", RegisterCallFields.CityCode },
        { "unknown district", RegisterCallFields.DistrictCode },
        { "district of another city", RegisterCallFields.DistrictCode },
        { "no street for a visit", RegisterCallFields.StreetAddress },
        { "street too long", RegisterCallFields.StreetAddress },
        { "no order type", RegisterCallFields.OrderType },
        { "undefined order type", RegisterCallFields.OrderType },
        { "bracket on a repair", RegisterCallFields.BracketSource },
        { "wall mount without bracket", RegisterCallFields.BracketSource },
        { "undefined bracket", RegisterCallFields.BracketSource },
        { "no product model", RegisterCallFields.ProductModel },
        { "product model too long", RegisterCallFields.ProductModel },
        { "no serial on a repair", RegisterCallFields.SerialNumber },
        { "serial with symbols", RegisterCallFields.SerialNumber },
        { "serial too short", RegisterCallFields.SerialNumber },
        { "purchase date not yyyy-MM-dd", RegisterCallFields.PurchaseDate },
        { "purchase date impossible", RegisterCallFields.PurchaseDate },
        { "purchase date tomorrow", RegisterCallFields.PurchaseDate },
        { "purchase before the serial's production month", RegisterCallFields.PurchaseDate },
        { "purchase before the label's production date", RegisterCallFields.PurchaseDate },
        { "invoice number without date", RegisterCallFields.InvoiceDate },
        { "invoice date without number", RegisterCallFields.InvoiceNumber },
        { "invoice date tomorrow", RegisterCallFields.InvoiceDate },
        { "invoice number too long", RegisterCallFields.InvoiceNumber },
        { "installation tomorrow", RegisterCallFields.InstallationDate },
        { "installation before purchase", RegisterCallFields.InstallationDate },
        { "hotline installation without date", RegisterCallFields.InstallationDate },
        { "production date tomorrow", RegisterCallFields.ProductionDate },
        { "no fault category on a repair", RegisterCallFields.FaultCategory },
        { "undefined fault category", RegisterCallFields.FaultCategory },
        { "no fault description on a repair", RegisterCallFields.FaultDescription },
        { "fault description too long", RegisterCallFields.FaultDescription },
        { "visit time in the past", RegisterCallFields.RequestedVisitAt },
        { "visit time on a consultation", RegisterCallFields.RequestedVisitAt },
        { "complaint without category", RegisterCallFields.ComplaintCategory },
        { "undefined complaint category", RegisterCallFields.ComplaintCategory },
        { "complaint without description", RegisterCallFields.ComplaintDescription },
        { "complaint description too long", RegisterCallFields.ComplaintDescription },
        { "complaint category on a repair", RegisterCallFields.ComplaintCategory },
        { "complaint description on a repair", RegisterCallFields.ComplaintDescription },
        { "related order on a repair", RegisterCallFields.RelatedOrderNumber },
    };

    [Theory]
    [MemberData(nameof(BadFieldCases))]
    public void Each_bad_field_is_named_alone_and_nothing_is_registered(string @case, string field)
    {
        var validation = Call.Validator.Validate(BadInputs[@case]());
        Assert.False(validation.IsValid);
        Assert.Null(validation.Registration);
        Assert.Equal([field], validation.Errors.Select(e => e.Field));
    }

    [Fact]
    public void Every_case_of_the_table_is_run()
    {
        Assert.Equal(BadInputs.Keys.Order(), BadFieldCases.Select(row => (string)row[0]).Order());
    }

    [Fact]
    public void Every_bad_field_is_reported_at_once()
    {
        var validation = Call.Validator.Validate(new RegisterCallInput { OrderType = OrderType.Repair, CallerNumber = "110" });
        Assert.Equal(
            [
                RegisterCallFields.AgentId, RegisterCallFields.CallerNumber, RegisterCallFields.CityCode,
                RegisterCallFields.CustomerName, RegisterCallFields.DistrictCode, RegisterCallFields.FaultCategory,
                RegisterCallFields.FaultDescription, RegisterCallFields.IdempotencyKey, RegisterCallFields.ProductModel,
                RegisterCallFields.ProvinceCode, RegisterCallFields.SerialNumber, RegisterCallFields.StreetAddress,
            ],
            validation.Errors.Select(e => e.Field).Order());
    }

    private static readonly Dictionary<string, Func<RegisterCallInput>> GoodInputs = new()
    {
        ["repair"] = () => Call.Repair,
        ["complaint"] = () => Call.Complaint,
        ["consultation with nothing but the caller and region"] = () => Call.Complaint with
        {
            OrderType = OrderType.Consultation,
            ComplaintCategory = ComplaintCategory.Unspecified,
            ComplaintDescription = null,
            RelatedOrderNumber = null,
        },
        ["wall mount with the company's bracket"] = () => Call.Repair with
        {
            OrderType = OrderType.WallMount,
            BracketSource = BracketSource.Company,
            FaultCategory = FaultCategory.Unspecified,
            FaultDescription = null,
            SerialNumber = null,
        },
        ["invoice dated before production: rule 12 flags it, validation does not refuse it"] =
            () => Call.Repair with { InvoiceDate = "2024-02-01" },
        ["no invoice at all"] = () => Call.Repair with { InvoiceNumber = null, InvoiceDate = null },
        ["dates of today"] = () => Call.Repair with { PurchaseDate = Call.Today, InvoiceDate = Call.Today, InstallationDate = Call.Today },
        ["hotline installation on day 30"] = () => Call.Repair with { InstallationDate = "2025-02-09", InstalledThroughHotline = true },
        ["visit asked for now"] = () => Call.Repair with { RequestedVisitAt = Local(Call.Today, "10:00") },
        ["landline caller"] = () => Call.Repair with { CallerNumber = "0731-8888 8888" },
        ["400 caller"] = () => Call.Repair with { CallerNumber = "400-812-3123" },
        ["serial without a readable date"] = () => Call.Repair with { SerialNumber = "XYZXYZXYZ" },
    };

    public static TheoryData<string> GoodCases => new(GoodInputs.Keys);

    [Theory]
    [MemberData(nameof(GoodCases))]
    public void A_valid_call_passes(string @case)
    {
        var validation = Call.Validator.Validate(GoodInputs[@case]());
        Assert.Empty(validation.Errors);
        Assert.NotNull(validation.Registration);
    }

    [Fact]
    public void Rule01_a_valid_call_carries_its_district_branch_and_area()
    {
        var registration = Call.Validator.Validate(Call.Repair).Registration!;
        Assert.Equal(("430102", "CS", AreaKind.Urban),
            (registration.District.Code, registration.District.Branch.Code, registration.District.Area));
        Assert.Equal("13812345678", registration.CallerNumber);
        Assert.Equal((D("2025-01-10"), D("2025-01-10")), (registration.PurchaseDate, registration.InvoiceDate));
        Assert.Equal("五一大道 100 号 3 栋 502", registration.StreetAddress);
    }

    [Fact]
    public void Lengths_come_from_options()
    {
        var validator = new RegisterCallValidator(Regions.Default,
            new TclHotline.Intake.Domain.Warranty.ProductionDateReader(new TclHotline.Intake.Domain.Warranty.SerialDateFormat()),
            new CallValidationOptions { CustomerNameMinLength = 3 }, At(Call.Today));
        var errors = validator.Validate(Call.Repair).Errors;
        Assert.Equal([RegisterCallFields.CustomerName], errors.Select(e => e.Field));
    }
}
