using TclHotline.Intake.Domain.Regions;
using TclHotline.Intake.Domain.Warranty;
using F = TclHotline.Intake.Domain.Calls.RegisterCallFields;

namespace TclHotline.Intake.Domain.Calls;

/// <summary>
/// Checks a RegisterCall request field by field and names every bad one by its contract name.
/// Plain code: nothing is stored or looked up beyond the region catalogue.
/// </summary>
public sealed class RegisterCallValidator(
    RegionCatalogue regions,
    ProductionDateReader productionDates,
    CallValidationOptions options,
    TimeProvider time)
{
    public CallValidation Validate(RegisterCallInput input)
    {
        var now = time.GetUtcNow();
        var today = LegalPeriod.LocalDate(now, regions.TimeZone);
        var c = new FieldChecks(today);
        var type = input.OrderType;
        // With no valid type the type-specific checks stay quiet: the type is the error to fix.
        var typed = c.Defined(F.OrderType, type) && type != OrderType.Unspecified;
        if (!typed && Enum.IsDefined(type))
            c.Add(F.OrderType, "Required.");

        var idempotencyKey = c.Text(F.IdempotencyKey, input.IdempotencyKey, true, options.IdempotencyKeyMaxLength);
        var callId = c.Text(F.CallId, input.CallId, false, options.CallIdMaxLength);
        var agentId = c.Text(F.AgentId, input.AgentId, true, options.AgentIdMaxLength);
        var callerNumber = CheckCaller(c, input.CallerNumber);
        var customerName = c.Text(F.CustomerName, input.CustomerName, true,
            options.CustomerNameMaxLength, options.CustomerNameMinLength);
        var district = CheckRegion(c, input);
        var street = c.Text(F.StreetAddress, input.StreetAddress, type.NeedsVisit(), options.StreetAddressMaxLength);
        CheckBracket(c, input.BracketSource, type, typed);
        var model = c.Text(F.ProductModel, input.ProductModel, type.IsAboutOneUnit(), options.ProductModelMaxLength);
        var serial = CheckSerial(c, input.SerialNumber, type);
        var purchase = c.PastDate(F.PurchaseDate, input.PurchaseDate);
        var (invoiceNumber, invoiceDate) = CheckInvoice(c, input);
        var installation = c.PastDate(F.InstallationDate, input.InstallationDate);
        var labelDate = c.PastDate(F.ProductionDate, input.ProductionDate);
        CheckDateOrder(c, input, today, serial, purchase, invoiceDate, installation, labelDate);
        if (c.Defined(F.FaultCategory, input.FaultCategory) && type.IsFaultRepair() && input.FaultCategory == FaultCategory.Unspecified)
            c.Add(F.FaultCategory, "Required for a repair.");
        var faultDescription = c.Text(F.FaultDescription, input.FaultDescription, type.IsFaultRepair(), options.FaultDescriptionMaxLength);
        CheckVisitTime(c, input.RequestedVisitAt, type, typed, now);
        var (complaintDescription, relatedOrder) = CheckComplaint(c, input, typed);

        if (c.Errors.Count > 0)
            return new CallValidation(c.Errors, null);
        return new CallValidation([], new CallRegistration
        {
            IdempotencyKey = idempotencyKey!,
            CallId = callId,
            AgentId = agentId!,
            CallerNumber = callerNumber!,
            CustomerName = customerName!,
            District = district!,
            StreetAddress = street,
            OrderType = type,
            BracketSource = input.BracketSource,
            ProductModel = model,
            SerialNumber = serial,
            PurchaseDate = purchase,
            InvoiceNumber = invoiceNumber,
            InvoiceDate = invoiceDate,
            HasWarrantyCard = input.HasWarrantyCard,
            InstallationDate = installation,
            InstalledThroughHotline = input.InstalledThroughHotline,
            ProductionDate = labelDate,
            FaultCategory = input.FaultCategory,
            FaultDescription = faultDescription,
            RequestedVisitAt = input.RequestedVisitAt,
            ComplaintCategory = input.ComplaintCategory,
            ComplaintDescription = complaintDescription,
            RelatedOrderNumber = relatedOrder,
        });
    }

    private static string? CheckCaller(FieldChecks c, string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            c.Add(F.CallerNumber, "Required.");
            return null;
        }
        var number = CallerNumber.Normalize(raw);
        if (number is null)
            c.Add(F.CallerNumber, "Must be a mobile number (1[3-9] and 9 digits), a landline with its area code, or a 400 number.");
        return number;
    }

    private District? CheckRegion(FieldChecks c, RegisterCallInput input)
    {
        var resolution = regions.Resolve(input.ProvinceCode?.Trim(), input.CityCode?.Trim(), input.DistrictCode?.Trim());
        foreach (var problem in resolution.Problems)
            c.Add(problem.Level switch
            {
                RegionLevel.Province => F.ProvinceCode,
                RegionLevel.City => F.CityCode,
                _ => F.DistrictCode,
            }, problem.Message);
        return resolution.District;
    }

    private static void CheckBracket(FieldChecks c, BracketSource bracket, OrderType type, bool typed)
    {
        if (!c.Defined(F.BracketSource, bracket))
            return;
        if (type == OrderType.WallMount && bracket == BracketSource.Unspecified)
            c.Add(F.BracketSource, "Required for a wall mount: company or customer.");
        else if (typed && type != OrderType.WallMount && bracket != BracketSource.Unspecified)
            c.Add(F.BracketSource, "Only for a wall mount.");
    }

    private string? CheckSerial(FieldChecks c, string? raw, OrderType type)
    {
        var serial = c.Text(F.SerialNumber, raw, type.IsFaultRepair(), options.SerialNumberMaxLength, options.SerialNumberMinLength);
        if (serial is not null && !serial.All(char.IsAsciiLetterOrDigit))
            c.Add(F.SerialNumber, "Must hold only the letters A-Z and digits.");
        return serial;
    }

    private (string? Number, DateOnly? Date) CheckInvoice(FieldChecks c, RegisterCallInput input)
    {
        var number = c.Text(F.InvoiceNumber, input.InvoiceNumber, false, options.InvoiceNumberMaxLength);
        var date = c.PastDate(F.InvoiceDate, input.InvoiceDate);
        var dateGiven = !string.IsNullOrWhiteSpace(input.InvoiceDate);
        if (number is not null && !dateGiven)
            c.Add(F.InvoiceDate, "Required with an invoice number.");
        if (number is null && dateGiven)
            c.Add(F.InvoiceNumber, "Required with an invoice date.");
        return (number, date);
    }

    // An invoice dated before production is not refused here: rule 12 flags it for the branch.
    private void CheckDateOrder(FieldChecks c, RegisterCallInput input, DateOnly today, string? serial,
        DateOnly? purchase, DateOnly? invoiceDate, DateOnly? installation, DateOnly? labelDate)
    {
        var production = productionDates.Read(serial, labelDate, today);
        if (purchase is { } bought && production is { } made && bought < made.FirstDay)
            c.Add(F.PurchaseDate, $"Before the production date {ContractDate.ToText(made.FirstDay)} ({made.Source}).");
        if (installation is { } installed && (purchase ?? invoiceDate) is { } sold && installed < sold)
            c.Add(F.InstallationDate, $"Before the purchase date {ContractDate.ToText(sold)}.");
        if (input.InstalledThroughHotline && string.IsNullOrWhiteSpace(input.InstallationDate))
            c.Add(F.InstallationDate, "Required when installed_through_hotline is set.");
    }

    private static void CheckVisitTime(FieldChecks c, DateTimeOffset? requested, OrderType type, bool typed, DateTimeOffset now)
    {
        if (requested is not { } at)
            return;
        if (typed && !type.NeedsVisit())
            c.Add(F.RequestedVisitAt, "Only for an order with a visit.");
        else if (at < now)
            c.Add(F.RequestedVisitAt, "Must not be in the past.");
    }

    private (string? Description, string? RelatedOrder) CheckComplaint(FieldChecks c, RegisterCallInput input, bool typed)
    {
        var complaint = input.OrderType == OrderType.Complaint;
        if (c.Defined(F.ComplaintCategory, input.ComplaintCategory))
        {
            if (complaint && input.ComplaintCategory == ComplaintCategory.Unspecified)
                c.Add(F.ComplaintCategory, "Required for a complaint.");
            else if (typed && !complaint && input.ComplaintCategory != ComplaintCategory.Unspecified)
                c.Add(F.ComplaintCategory, "Only for a complaint call.");
        }
        var description = c.Text(F.ComplaintDescription, input.ComplaintDescription, complaint, options.ComplaintDescriptionMaxLength);
        var related = c.Text(F.RelatedOrderNumber, input.RelatedOrderNumber, false, options.RelatedOrderNumberMaxLength);
        if (typed && !complaint)
        {
            if (description is not null)
                c.Add(F.ComplaintDescription, "Only for a complaint call.");
            if (related is not null)
                c.Add(F.RelatedOrderNumber, "Only for a complaint call.");
        }
        return (description, related);
    }
}
