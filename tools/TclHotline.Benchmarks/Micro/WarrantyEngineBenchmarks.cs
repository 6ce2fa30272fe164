using BenchmarkDotNet.Attributes;
using TclHotline.Intake.Domain;
using TclHotline.Intake.Domain.Warranty;

namespace TclHotline.Benchmarks.Micro;

/// <summary>The 三包 decision an agent's RegisterCall makes once per call, on the request shapes calls really have.</summary>
[MemoryDiagnoser]
public class WarrantyEngineBenchmarks
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private readonly WarrantyEngine _engine = new(new WarrantyOptions(), TimeProvider.System);
    private WarrantyRequest _invoiceInWarranty = null!;
    private WarrantyRequest _serialOnly = null!;
    private WarrantyRequest _repeatedFaults = null!;

    [GlobalSetup]
    public void Setup()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        _invoiceInWarranty = new WarrantyRequest
        {
            BranchTimeZone = Shanghai,
            SerialNumber = SerialMadeOn(today.AddMonths(-8)),
            InvoiceDate = today.AddMonths(-6),
            CurrentFault = FaultCategory.Picture,
        };
        // No invoice: the start comes from the serial's production month (rule 11), out of whole-unit warranty.
        _serialOnly = new WarrantyRequest
        {
            BranchTimeZone = Shanghai,
            SerialNumber = SerialMadeOn(today.AddMonths(-20)),
            CurrentFault = FaultCategory.Panel,
        };
        // A unit with history: earlier fault reports and slow repairs (rules 5, 8, 9).
        _repeatedFaults = _invoiceInWarranty with
        {
            PriorFaultReports = [new(today.AddMonths(-4), FaultCategory.Picture), new(today.AddMonths(-2), FaultCategory.MainBoard)],
            Repairs = [new(today.AddMonths(-4), 12, 0, false), new(today.AddMonths(-2), 35, 20, true)],
        };
    }

    [Benchmark(Baseline = true)]
    public WarrantyDecision InvoiceInWarranty() => _engine.Decide(_invoiceInWarranty);

    [Benchmark]
    public WarrantyDecision SerialOnlyNoInvoice() => _engine.Decide(_serialOnly);

    [Benchmark]
    public WarrantyDecision RepeatedFaultsAndRepairs() => _engine.Decide(_repeatedFaults);

    // The default serial layout: year at index 6, month at index 8 (SerialDateFormat).
    private static string SerialMadeOn(DateOnly day) => $"55P71C{day.Year % 100:00}{day.Month:00}A00123";
}
