using TclHotline.Grpc.Complaints.V1;

namespace TclHotline.EndToEnd.Tests.BadInput;

/// <summary>Ways to spoil one field of a valid filing, each named by the proto field the refusal must name.</summary>
public static class FileComplaintSpoilers
{
    private static readonly (string Field, Action<FileComplaintRequest, Random> Spoil)[] All =
    [
        ("customer_name", (r, _) => r.CustomerName = ""),
        ("customer_name", (r, rnd) => r.CustomerName = new string(' ', rnd.Next(1, 20))),
        ("customer_phone", (r, _) => r.CustomerPhone = ""),
        ("customer_phone", (r, rnd) => r.CustomerPhone = "138" + (char)rnd.Next('a', 'z' + 1) + rnd.Next(1000, 9999)),
        ("customer_phone", (r, _) => r.CustomerPhone = "电话号码"),
        ("branch_code", (r, _) => r.BranchCode = ""),
        ("order_id", (r, rnd) => r.OrderId = Convert.ToHexString(BitConverter.GetBytes(rnd.NextInt64()))),
        ("category", (r, _) => r.Category = ComplaintCategory.Unspecified),
        ("category", (r, rnd) => r.Category = (ComplaintCategory)rnd.Next(7, 10_000)),
        ("description", (r, _) => r.Description = ""),
        ("description", (r, rnd) => r.Description = new string('\t', rnd.Next(1, 5))),
        ("idempotency_key", (r, _) => r.IdempotencyKey = ""),
    ];

    /// <summary>Spoils one to three distinct fields; returns their names.</summary>
    public static IReadOnlyList<string> Apply(FileComplaintRequest request, Random random)
    {
        var fields = new List<string>();
        var count = random.Next(1, 4);
        while (fields.Count < count)
        {
            var (field, spoil) = All[random.Next(All.Length)];
            if (fields.Contains(field)) continue;
            spoil(request, random);
            fields.Add(field);
        }
        return fields;
    }
}
