using TclHotline.Returns.Data;
using TclHotline.Returns.Domain;
using TclHotline.ServiceDefaults.Database;
using TclHotline.ServiceDefaults.Security;
using TclHotline.ServiceDefaults.Validation;

namespace TclHotline.Returns.Application;

/// <summary>
/// One step of a scrap or a panel exchange, taken in order: refused naming the field when out of order, else
/// stored with who and when, and audited, in the caller's unit of work.
/// </summary>
internal static class ProcessSteps
{
    public const string Field = "step";

    public static async Task TakeAsync<TStep>(
        UnitOfWork unit, StepSequence<TStep> sequence, string subjectType, Guid subjectId, TStep current, TStep next,
        string updateSql, Caller caller, string note)
        where TStep : struct, Enum
    {
        if (sequence.Refusal(current, next) is { } refusal)
            new FieldErrors().Add(Field, refusal).ThrowIfAny();
        // The update moves on only from the step read, keyed by @Id: two people taking the same step cannot both succeed.
        var moved = await unit.ExecuteAsync(updateSql, new { Id = subjectId, Current = current.ToString(), Step = next.ToString() });
        if (moved != 1)
            throw new ServiceDefaults.Grpc.RuleViolationException($"the {subjectType} moved on meanwhile; read it again");
        await RecordAsync(unit, subjectType, subjectId, next.ToString(), caller, note);
        await unit.AuditAsync(caller, $"returns.{subjectType}.{next}", subjectType, subjectId.ToString("D"),
            new { Step = current.ToString() }, new { Step = next.ToString(), Note = note });
    }

    /// <summary>Stores a step without a state change of its own (the first step, written with its subject).</summary>
    public static Task RecordAsync(UnitOfWork unit, string subjectType, Guid subjectId, string step, Caller caller, string note) =>
        unit.ExecuteAsync(ReturnsSql.InsertStep, new
        {
            SubjectType = subjectType, SubjectId = subjectId.ToString("D"), Step = step, DoneBy = caller.UserId, DoneAt = unit.Now, Note = note,
        });
}
