using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using TclHotline.Intake.Domain;
using TclHotline.Intake.Domain.Fees;
using TclHotline.Intake.Domain.Warranty;

namespace TclHotline.Intake.Data;

/// <summary>
/// The decisions kept with an order (warranty, fee estimates, settlement) as JSON of the domain's own records,
/// enums by name. Rows written before the domain form hold the gRPC contract's JSON (camelCase fields, enums as
/// WARRANTY_COVERAGE_WHOLE_UNIT, money as units and nanos); they are still read, field by field, so no stored
/// order has to be rewritten.
/// </summary>
public static class StoredDecisions
{
    // Generated serializers: registration writes and reads these on every call.
    private static readonly DomainJson Json = DomainJson.Default;

    public static string Write(WarrantyDecision decision) => JsonSerializer.Serialize(decision, Json.WarrantyDecision);

    public static string Write(FeeEstimate estimate) => JsonSerializer.Serialize(estimate, Json.FeeEstimate);

    public static string Write(SettledFee settled) => JsonSerializer.Serialize(settled, Json.SettledFee);

    public static WarrantyDecision Warranty(string json) => Read(json, Json.WarrantyDecision, Legacy.Warranty);

    public static FeeEstimate Fee(string json) => Read(json, Json.FeeEstimate, Legacy.Fee);

    public static SettledFee Settlement(string json) => Read(json, Json.SettledFee, Legacy.Settlement);

    private static T Read<T>(string json, JsonTypeInfo<T> domain, Func<JsonElement, T> legacy)
    {
        if (!IsContractForm(json))
            return JsonSerializer.Deserialize(json, domain)!;
        using var doc = JsonDocument.Parse(json);
        return legacy(doc.RootElement);
    }

    // The domain form names its fields as the records do (PascalCase); the contract's JSON names them camelCase.
    // The first quote of an object opens its first field's name.
    private static bool IsContractForm(string json)
    {
        var quote = json.IndexOf('"', StringComparison.Ordinal);
        return quote >= 0 && quote + 1 < json.Length && char.IsLower(json[quote + 1]);
    }

    /// <summary>The contract's JSON as Google.Protobuf wrote it, read into the domain's records.</summary>
    private static class Legacy
    {
        public static WarrantyDecision Warranty(JsonElement d) => new()
        {
            AsOf = Date(d, "asOf") ?? default,
            Coverage = Enum<WarrantyCoverage>(d, "coverage"),
            InWarranty = Bool(d, "inWarranty"),
            StartDate = Date(d, "startDate"),
            StartBasis = Enum<WarrantyStartBasis>(d, "startBasis"),
            InvoiceDate = Date(d, "invoiceDate"),
            InstallationDate = Date(d, "installationDate"),
            Production = Date(d, "productionFirstDay") is { } first && Date(d, "productionLastDay") is { } last
                ? new ProductionPeriod(first, last, Enum<ProductionDateSource>(d, "productionSource"))
                : null,
            WholeUnitEnd = Date(d, "wholeUnitEnd"),
            MainPartsEnd = Date(d, "mainPartsEnd"),
            WholeUnitExtensionDays = Int(d, "wholeUnitExtensionDays"),
            MainPartsExtensionDays = Int(d, "mainPartsExtensionDays"),
            Remedies = [.. Items(d, "remedies").Select(EnumOf<Remedy>)],
            ExchangeEligible = Bool(d, "exchangeEligible"),
            FaultReportsInPeriod = Int(d, "faultReportsInPeriod"),
            InvoiceNeedsVerification = Bool(d, "invoiceNeedsVerification"),
            MissingProofs = [.. Items(d, "missingProofs").Select(EnumOf<Proof>)],
            RulesApplied = [.. Items(d, "rulesApplied").Select(IntOf)],
        };

        public static FeeEstimate Fee(JsonElement f) => new(
            Bool(f, "chargeable"),
            Amount(f, "total"),
            Currency(f, "total"),
            [.. Items(f, "lines").Select(Line)],
            Text(f, "reason"),
            Bool(f, "travelIncluded"),
            [.. Items(f, "rulesApplied").Select(IntOf)],
            Bool(f, "provisional"));

        public static SettledFee Settlement(JsonElement s) => new(
            new FeeSettlement(
                Amount(s, "charged"),
                Currency(s, "charged"),
                Text(s, "reason"),
                [.. Items(s, "rulesApplied").Select(IntOf)],
                [.. Items(s, "lines").Select(Line)],
                Amount(s, "difference"),
                Text(s, "chargeReason"),
                [.. Items(s, "extraParts").Select(e => e.GetString() ?? "")],
                Text(s, "warrantyExclusion") switch
                {
                    "USER_DAMAGE" => WarrantyExclusion.UserDamage,
                    "APPEARANCE" => WarrantyExclusion.Appearance,
                    _ => null,
                }),
            Int(s, "estimateRevision"),
            Value(s, "settledAt") is { ValueKind: JsonValueKind.String } at
                ? DateTimeOffset.Parse(at.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)
                : default);

        private static FeeLine Line(JsonElement l)
        {
            var rule = Int(l, "rule");
            return new FeeLine(Enum<FeeLineKind>(l, "kind"), Amount(l, "amount"), Text(l, "description"), rule == 0 ? null : rule);
        }

        private static JsonElement? Value(JsonElement e, string name) =>
            e.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v : null;

        private static IEnumerable<JsonElement> Items(JsonElement e, string name) =>
            Value(e, name) is { ValueKind: JsonValueKind.Array } a ? a.EnumerateArray() : [];

        private static bool Bool(JsonElement e, string name) => Value(e, name) is { ValueKind: JsonValueKind.True };

        private static string Text(JsonElement e, string name) => Value(e, name) is { ValueKind: JsonValueKind.String } v ? v.GetString()! : "";

        private static int Int(JsonElement e, string name) => Value(e, name) is { } v ? IntOf(v) : 0;

        // 64-bit numbers are strings in the contract's JSON.
        private static int IntOf(JsonElement v) => v.ValueKind == JsonValueKind.String
            ? int.Parse(v.GetString()!, CultureInfo.InvariantCulture)
            : v.GetInt32();

        private static DateOnly? Date(JsonElement e, string name) => ContractDate.TryParse(Text(e, name), out var d) ? d : null;

        private static decimal Amount(JsonElement e, string name)
        {
            if (Value(e, name) is not { } money)
                return 0m;
            var units = Value(money, "units") is { } u
                ? long.Parse(u.ValueKind == JsonValueKind.String ? u.GetString()! : u.GetRawText(), CultureInfo.InvariantCulture)
                : 0L;
            return units + Int(money, "nanos") / 1_000_000_000m;
        }

        private static string Currency(JsonElement e, string name) => Value(e, name) is { } money ? Text(money, "currencyCode") : "";

        private static T Enum<T>(JsonElement e, string name) where T : struct, System.Enum =>
            Value(e, name) is { } v ? EnumOf<T>(v) : default;

        /// <summary>The contract writes a value by its proto name (REMEDY_EXCHANGE for Remedy.Exchange), or by number when unknown.</summary>
        private static T EnumOf<T>(JsonElement v) where T : struct, System.Enum
        {
            if (v.ValueKind == JsonValueKind.Number)
                return (T)System.Enum.ToObject(typeof(T), v.GetInt32());
            var text = v.GetString();
            var prefix = Screaming(typeof(T).Name) + "_";
            foreach (var value in System.Enum.GetValues<T>())
                if (text == prefix + Screaming(value.ToString()))
                    return value;
            return default;
        }

        private static string Screaming(string pascal)
        {
            var s = new StringBuilder(pascal.Length + 8);
            for (var i = 0; i < pascal.Length; i++)
            {
                if (i > 0 && char.IsUpper(pascal[i]))
                    s.Append('_');
                s.Append(char.ToUpperInvariant(pascal[i]));
            }
            return s.ToString();
        }
    }
}

/// <summary>The domain form: the records' own field names, enums by name.</summary>
[JsonSourceGenerationOptions(UseStringEnumConverter = true)]
[JsonSerializable(typeof(WarrantyDecision))]
[JsonSerializable(typeof(FeeEstimate))]
[JsonSerializable(typeof(SettledFee))]
internal sealed partial class DomainJson : JsonSerializerContext;
