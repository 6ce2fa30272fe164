using TclHotline.Grpc.Intake.V1;

namespace TclHotline.Returns.Tests.Support;

/// <summary>A customer's repair call as an agent registers it with intake, from Changsha's 芙蓉区.</summary>
public static class IntakeCalls
{
    private static int _next;

    /// <param name="serial">Its characters 7–10 are the production year and month (the default serial format).</param>
    public static RegisterCallRequest Repair(string serial, string invoiceDate, FaultCategory fault = FaultCategory.Panel) => new()
    {
        IdempotencyKey = "call-" + Guid.NewGuid().ToString("N"),
        AgentId = "A0042",
        CallerNumber = $"1390{Environment.ProcessId % 1000:D3}{Interlocked.Increment(ref _next):D4}",
        CustomerName = "张三",
        ProvinceCode = "43",
        CityCode = "4301",
        DistrictCode = "430102",
        StreetAddress = "五一大道 100 号",
        OrderType = OrderType.Repair,
        ProductModel = "55P71C",
        SerialNumber = serial,
        PurchaseDate = invoiceDate,
        InvoiceNumber = "044001900111-1",
        InvoiceDate = invoiceDate,
        HasWarrantyCard = true,
        FaultCategory = fault,
        FaultDescription = "屏幕竖线",
    };
}
