using System.Data;
using System.Globalization;
using Dapper;

namespace TclHotline.ServiceDefaults.Database;

/// <summary>
/// How values are stored, the same on both engines: instants as UTC Unix milliseconds (so SQLite compares
/// them as numbers), GUIDs as text, dates as 'yyyy-MM-dd', money as decimal text on SQLite.
/// Row types are read into classes with settable properties; snake_case columns map to PascalCase.
/// </summary>
public static class DapperTypeHandlers
{
    // Every caller must see the handlers in place before its first query: Dapper caches a query's mapping.
    private static readonly Lazy<bool> Registration = new(() =>
    {
        DefaultTypeMap.MatchNamesWithUnderscores = true;
        Replace(new InstantHandler());
        Replace(new GuidHandler());
        Replace(new DateOnlyHandler());
        Replace(new DecimalHandler());
        return true;
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    public static void Register() => _ = Registration.Value;

    private static void Replace<T>(SqlMapper.TypeHandler<T> handler) where T : struct
    {
        // Dapper's built-in map wins over a handler unless it is removed first.
        SqlMapper.RemoveTypeMap(typeof(T));
        SqlMapper.RemoveTypeMap(typeof(T?));
        SqlMapper.AddTypeHandler(handler);
    }

    private sealed class InstantHandler : SqlMapper.TypeHandler<DateTimeOffset>
    {
        public override void SetValue(IDbDataParameter parameter, DateTimeOffset value)
        {
            parameter.DbType = DbType.Int64;
            parameter.Value = value.ToUnixTimeMilliseconds();
        }

        public override DateTimeOffset Parse(object value) =>
            DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(value, CultureInfo.InvariantCulture));
    }

    private sealed class GuidHandler : SqlMapper.TypeHandler<Guid>
    {
        public override void SetValue(IDbDataParameter parameter, Guid value)
        {
            parameter.DbType = DbType.String;
            parameter.Value = value.ToString("D");
        }

        public override Guid Parse(object value) => value switch
        {
            Guid g => g,
            string s => Guid.Parse(s),
            byte[] b => new Guid(b),
            _ => throw new DataException($"Cannot read a GUID from {value.GetType().Name}."),
        };
    }

    private sealed class DateOnlyHandler : SqlMapper.TypeHandler<DateOnly>
    {
        public override void SetValue(IDbDataParameter parameter, DateOnly value)
        {
            parameter.DbType = DbType.String;
            parameter.Value = value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        public override DateOnly Parse(object value) => value switch
        {
            DateOnly d => d,
            DateTime dt => DateOnly.FromDateTime(dt),
            string s => DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ => throw new DataException($"Cannot read a date from {value.GetType().Name}."),
        };
    }

    private sealed class DecimalHandler : SqlMapper.TypeHandler<decimal>
    {
        public override void SetValue(IDbDataParameter parameter, decimal value)
        {
            parameter.DbType = DbType.Decimal;
            parameter.Value = value;
        }

        public override decimal Parse(object value) => Convert.ToDecimal(value, CultureInfo.InvariantCulture);
    }
}
