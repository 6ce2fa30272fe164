using System.Data;
using Dapper;
using TclHotline.Returns.Data;

namespace TclHotline.Returns.Application;

/// <summary>Reads shared by the use cases, inside a unit of work or on a plain connection.</summary>
internal static class ReturnsReads
{
    public static Task<DealerUnitRow?> UnitAsync(IDbConnection c, IDbTransaction? tx, string serial) =>
        c.QuerySingleOrDefaultAsync<DealerUnitRow>(ReturnsSql.SelectUnit, new { SerialNumber = serial }, tx);

    /// <summary>The steps taken, in the process's order (two steps can share a millisecond).</summary>
    public static async Task<IReadOnlyList<StepRow>> StepsAsync<TStep>(IDbConnection c, IDbTransaction? tx, string subjectType, Guid subjectId)
        where TStep : struct, Enum =>
        [.. (await c.QueryAsync<StepRow>(ReturnsSql.SelectSteps, new { SubjectType = subjectType, SubjectId = subjectId.ToString("D") }, tx))
            .OrderBy(s => Convert.ToInt32(Enum.Parse<TStep>(s.Step)))];
}
