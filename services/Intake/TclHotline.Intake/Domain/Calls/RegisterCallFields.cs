namespace TclHotline.Intake.Domain.Calls;

/// <summary>The field names of RegisterCallRequest in intake.proto, as InvalidArgument reports them.</summary>
public static class RegisterCallFields
{
    public const string IdempotencyKey = "idempotency_key";
    public const string CallId = "call_id";
    public const string AgentId = "agent_id";
    public const string CallerNumber = "caller_number";
    public const string CustomerName = "customer_name";
    public const string ProvinceCode = "province_code";
    public const string CityCode = "city_code";
    public const string DistrictCode = "district_code";
    public const string StreetAddress = "street_address";
    public const string OrderType = "order_type";
    public const string BracketSource = "bracket_source";
    public const string ProductModel = "product_model";
    public const string SerialNumber = "serial_number";
    public const string PurchaseDate = "purchase_date";
    public const string InvoiceNumber = "invoice_number";
    public const string InvoiceDate = "invoice_date";
    public const string InstallationDate = "installation_date";
    public const string InstalledThroughHotline = "installed_through_hotline";
    public const string ProductionDate = "production_date";
    public const string FaultCategory = "fault_category";
    public const string FaultDescription = "fault_description";
    public const string RequestedVisitAt = "requested_visit_at";
    public const string ComplaintCategory = "complaint_category";
    public const string ComplaintDescription = "complaint_description";
    public const string RelatedOrderNumber = "related_order_number";
}
