using System.Globalization;
using TclHotline.Grpc.Intake.V1;

namespace TclHotline.Benchmarks.Load;

/// <summary>
/// Realistic hotline calls for Changsha: mostly repairs, some installations, wall mounts and
/// consultations; 80 % urban districts (24-hour commitment), 20 % the remote 长沙县/浏阳市 (appointment);
/// in warranty (recent invoice), out of it (old invoice) and without invoice (serial date only).
/// Every call has its own caller and serial, so none is linked to an earlier order as a repeat.
/// </summary>
public sealed class CallMix(int seed)
{
    public static readonly string[] UrbanDistricts = ["430102", "430103", "430104", "430105", "430111", "430112"];
    private static readonly string[] RemoteDistricts = ["430121", "430181"];
    private static readonly FaultCategory[] Faults =
        [FaultCategory.Picture, FaultCategory.Panel, FaultCategory.MainBoard, FaultCategory.Sound, FaultCategory.PowerSupply, FaultCategory.Connectivity];

    private readonly Random _random = new(seed);
    private long _sequence;

    public RegisterCallRequest Next()
    {
        var n = Interlocked.Increment(ref _sequence);
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var type = _random.Next(100) switch
        {
            < 60 => OrderType.Repair,
            < 75 => OrderType.Installation,
            < 88 => OrderType.WallMount,
            _ => OrderType.Consultation,
        };
        var urban = _random.Next(100) < 80;
        var district = urban ? UrbanDistricts[_random.Next(UrbanDistricts.Length)] : RemoteDistricts[_random.Next(RemoteDistricts.Length)];
        // In warranty: bought 1-11 months ago; out: 14-30 months ago; a tenth have no invoice at all.
        var warranty = _random.Next(100);
        var bought = today.AddMonths(warranty < 60 ? -_random.Next(1, 12) : -_random.Next(14, 31)).AddDays(-_random.Next(0, 28));
        var made = bought.AddMonths(-_random.Next(1, 4));
        var request = new RegisterCallRequest
        {
            IdempotencyKey = $"bench-{seed}-{n}-{Guid.NewGuid():N}",
            AgentId = $"A{seed % 1000:000}",
            CallerNumber = $"13{_random.Next(3, 10)}{_random.Next(0, 100_000_000):00000000}",
            CustomerName = "王小明",
            ProvinceCode = "43",
            CityCode = "4301",
            DistrictCode = district,
            OrderType = type,
            ProductModel = "55P71C",
            SerialNumber = $"55P71C{made.Year % 100:00}{made.Month:00}B{_random.Next(0, 10_000_000):0000000}",
            HasWarrantyCard = true,
        };
        if (type != OrderType.Consultation)
            request.StreetAddress = $"五一大道 {_random.Next(1, 999)} 号";
        if (warranty < 90)
        {
            request.PurchaseDate = Text(bought);
            request.InvoiceNumber = $"0440019{_random.Next(0, 100_000_000):00000000}";
            request.InvoiceDate = Text(bought);
        }

        if (type == OrderType.Repair)
        {
            request.FaultCategory = Faults[_random.Next(Faults.Length)];
            request.FaultDescription = "开机有声音无图像";
        }

        if (type == OrderType.WallMount)
            request.BracketSource = _random.Next(2) == 0 ? BracketSource.Company : BracketSource.Customer;
        return request;
    }

    public static bool IsUrban(string district) => Array.IndexOf(UrbanDistricts, district) >= 0;

    private static string Text(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
