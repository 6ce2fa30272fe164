using TclHotline.Intake.Domain.Regions;
using TclHotline.Intake.Domain.Warranty;
using TclHotline.ServiceDefaults.Validation;
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
        var c = new FieldErrors();
        var type = input.OrderType;
        // With no valid type the type-specific checks stay quiet: the type is the error to fix.
        var typed = c.Defined(F.OrderType, type) && type != OrderType.Unspecified;
        if (!typed && Enum.IsDefined(type))
            c.Add(F.OrderType, "is required");

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
        var purchase = PastDate(c, F.PurchaseDate, input.PurchaseDate, today);
        var (invoiceNumber, invoiceDate) = CheckInvoice(c, input, today);
        var installation = PastDate(c, F.InstallationDate, input.InstallationDate, today);
        var labelDate = PastDate(c, F.ProductionDate, input.ProductionDate, today);
        CheckDateOrder(c, input, today, serial, purchase, invoiceDate, installation, labelDate);
        if (c.Defined(F.FaultCategory, input.FaultCategory) && type.IsFaultRepair() && input.FaultCategory == FaultCategory.Unspecified)
            c.Add(F.FaultCategory, "is required for a repair");
        var faultDescription = c.Text(F.FaultDescription, input.FaultDescription, type.IsFaultRepair(), options.FaultDescriptionMaxLength);
        CheckVisitTime(c, input.RequestedVisitAt, type, typed, now);
        var (complaintDescription, relatedOrder) = CheckComplaint(c, input, typed);

        if (c.Any)
            return new CallValidation(c, null);
        return new CallValidation(c, new CallRegistration
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

    private static string? CheckCaller(FieldErrors c, string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            c.Add(F.CallerNumber, "is required");
            return null;
        }
        var number = CallerNumber.Normalize(raw);
        if (number is null)
            c.Add(F.CallerNumber, "must be a mobile number (1[3-9] and 9 digits), a landline with its area code, or a 400 number");
        return number;
    }

    private District? CheckRegion(FieldErrors c, RegisterCallInput input)
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

    private static void CheckBracket(FieldErrors c, BracketSource bracket, OrderType type, bool typed)
    {
        if (!c.Defined(F.BracketSource, bracket))
            return;
        if (type == OrderType.WallMount && bracket == BracketSource.Unspecified)
            c.Add(F.BracketSource, "is required for a wall mount: company or customer");
        else if (typed && type != OrderType.WallMount && bracket != BracketSource.Unspecified)
            c.Add(F.BracketSource, "is only for a wall mount");
    }

    private string? CheckSerial(FieldErrors c, string? raw, OrderType type)
    {
        var serial = c.Text(F.SerialNumber, raw, type.IsFaultRepair(), options.SerialNumberMaxLength, options.SerialNumberMinLength);
        if (serial is not null && !serial.All(char.IsAsciiLetterOrDigit))
            c.Add(F.SerialNumber, "must hold only the letters A-Z and digits");
        return serial;
    }

    private (string? Number, DateOnly? Date) CheckInvoice(FieldErrors c, RegisterCallInput input, DateOnly today)
    {
        var number = c.Text(F.InvoiceNumber, input.InvoiceNumber, false, options.InvoiceNumberMaxLength);
        var date = PastDate(c, F.InvoiceDate, input.InvoiceDate, today);
        var dateGiven = !string.IsNullOrWhiteSpace(input.InvoiceDate);
        if (number is not null && !dateGiven)
            c.Add(F.InvoiceDate, "is required with an invoice number");
        if (number is null && dateGiven)
            c.Add(F.InvoiceNumber, "is required with an invoice date");
        return (number, date);
    }

    // An invoice dated before production is not refused here: rule 12 flags it for the branch.
    private void CheckDateOrder(FieldErrors c, RegisterCallInput input, DateOnly today, string? serial,
        DateOnly? purchase, DateOnly? invoiceDate, DateOnly? installation, DateOnly? labelDate)
    {
        var production = productionDates.Read(serial, labelDate, today);
        if (purchase is { } bought && production is { } made && bought < made.FirstDay)
            c.Add(F.PurchaseDate, $"is before the production date {ContractDate.ToText(made.FirstDay)} ({made.Source})");
        if (installation is { } installed && (purchase ?? invoiceDate) is { } sold && installed < sold)
            c.Add(F.InstallationDate, $"is before the purchase date {ContractDate.ToText(sold)}");
        if (input.InstalledThroughHotline && string.IsNullOrWhiteSpace(input.InstallationDate))
            c.Add(F.InstallationDate, "is required when installed_through_hotline is set");
    }

    private static void CheckVisitTime(FieldErrors c, DateTimeOffset? requested, OrderType type, bool typed, DateTimeOffset now)
    {
        if (requested is not { } at)
            return;
        if (typed && !type.NeedsVisit())
            c.Add(F.RequestedVisitAt, "is only for an order with a visit");
        else if (at < now)
            c.Add(F.RequestedVisitAt, "must not be in the past");
    }

    private (string? Description, string? RelatedOrder) CheckComplaint(FieldErrors c, RegisterCallInput input, bool typed)
    {
        var complaint = input.OrderType == OrderType.Complaint;
        if (c.Defined(F.ComplaintCategory, input.ComplaintCategory))
        {
            if (complaint && input.ComplaintCategory == ComplaintCategory.Unspecified)
                c.Add(F.ComplaintCategory, "is required for a complaint");
            else if (typed && !complaint && input.ComplaintCategory != ComplaintCategory.Unspecified)
                c.Add(F.ComplaintCategory, "is only for a complaint call");
        }
        var description = c.Text(F.ComplaintDescription, input.ComplaintDescription, complaint, options.ComplaintDescriptionMaxLength);
        var related = c.Text(F.RelatedOrderNumber, input.RelatedOrderNumber, false, options.RelatedOrderNumberMaxLength);
        if (typed && !complaint)
        {
            if (description is not null)
                c.Add(F.ComplaintDescription, "is only for a complaint call");
            if (related is not null)
                c.Add(F.RelatedOrderNumber, "is only for a complaint call");
        }
        return (description, related);
    }

    /// <summary>A "yyyy-MM-dd" date that is not after today in the branch's calendar; null when blank or bad.</summary>
    private static DateOnly? PastDate(FieldErrors c, string field, string? value, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        if (!ContractDate.TryParse(value.Trim(), out var date))
        {
            c.Add(field, "must be a date written yyyy-MM-dd");
            return null;
        }
        if (date > today)
        {
            c.Add(field, $"must not be in the future (today is {ContractDate.ToText(today)})");
            return null;
        }
        return date;
    }
}
