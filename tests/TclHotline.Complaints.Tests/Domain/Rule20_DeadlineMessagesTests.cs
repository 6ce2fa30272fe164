using TclHotline.Complaints.Domain;
using TclHotline.Complaints.Tests.Support;
using TclHotline.Messages;
using TclHotline.Messages.Sla;

namespace TclHotline.Complaints.Tests.Domain;

public sealed class Rule20_DeadlineMessagesTests
{
    private static readonly DateTimeOffset At = Desk.FiledAt;

    public static TheoryData<DeadlineInstruction, object> Instructions => new()
    {
        {
            new SetDeadline("c/1", ComplaintDeadlineKind.Acknowledge, Desk.Branch, At, At.AddHours(2)),
            new DeadlineSet(DeadlineOwners.Complaints, "c/1", DeadlineKinds.Acknowledge, Desk.Branch, At, At.AddHours(2), At)
        },
        {
            new MeetDeadline("c/2", ComplaintDeadlineKind.Resolve, At),
            new DeadlineMet(DeadlineOwners.Complaints, "c/2", DeadlineKinds.Resolve, At)
        },
        {
            new CancelDeadline("c/3", ComplaintDeadlineKind.Acknowledge, At),
            new DeadlineCancelled(DeadlineOwners.Complaints, "c/3", DeadlineKinds.Acknowledge, At)
        },
    };

    [Theory]
    [MemberData(nameof(Instructions))]
    public void Rule20_deadline_instructions_become_the_sla_timers_messages(DeadlineInstruction instruction, object message) =>
        Assert.Equal(message, instruction.ToSlaMessage());

    [Fact]
    public void Rule20_a_deadline_subject_names_its_complaint()
    {
        var id = Guid.NewGuid();

        Assert.True(DeadlineSubject.TryParseComplaintId(DeadlineSubject.Format(id, 12), out var parsed));
        Assert.Equal(id, parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-complaint/1")]
    [InlineData("0b6e3f0a-1111-4c1e-9c1a-2f4b9d6e7a01")]
    [InlineData("0b6e3f0a-1111-4c1e-9c1a-2f4b9d6e7a01/")]
    [InlineData("0b6e3f0a-1111-4c1e-9c1a-2f4b9d6e7a01/x")]
    [InlineData("/1")]
    public void Rule20_a_subject_that_is_not_a_complaint_deadline_is_not_parsed(string subjectId) =>
        Assert.False(DeadlineSubject.TryParseComplaintId(subjectId, out _));
}
