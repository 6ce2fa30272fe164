using System.Data;
using Dapper;
using TclHotline.Returns.Data;

namespace TclHotline.Returns.Application;

/// <summary>Reads shared by the use cases, inside a unit of work or on a plain connection.</summary>
internal static class ReturnsReads
{
    public static Task<DealerUnitRow?> UnitAsync(IDbConnection c, IDbTransaction? tx, string serial) =>
        c.QuerySingleOrDefaultAsync<DealerUnitRow>(ReturnsSql.SelectUnit, new { SerialNumber = serial }, tx);

    public static async Task<IReadOnlyList<StepRow>> StepsAsync(IDbConnection c, IDbTransaction? tx, string subjectType, Guid subjectId) =>
        [.. await c.QueryAsync<StepRow>(ReturnsSql.SelectSteps, new { SubjectType = subjectType, SubjectId = subjectId.ToString("D") }, tx)];
}
