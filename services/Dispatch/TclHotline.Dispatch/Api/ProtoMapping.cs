using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using TclHotline.Dispatch.Data;
using TclHotline.Dispatch.Domain.Board;
using TclHotline.Dispatch.Domain.Completion;
using TclHotline.Dispatch.Domain.Network;
using TclHotline.Dispatch.Domain.Planning;
using TclHotline.ServiceDefaults.Grpc;
using static TclHotline.ServiceDefaults.Grpc.ProtoValues;
using Proto = TclHotline.Grpc.Dispatch.V1;

namespace TclHotline.Dispatch.Api;

/// <summary>Domain ↔ gRPC. Enum values share their names (a contract test keeps them so).</summary>
public static class ProtoMapping
{
    public static Proto.OrderType ToProto(OrderType type) => type.ByName<Proto.OrderType>();

    public static Proto.CommitmentState ToProto(CommitmentState state) => state.ByName<Proto.CommitmentState>();

    public static Proto.VisitStatus VisitStatus(string stored) => System.Enum.Parse<Proto.VisitStatus>(stored);

    public static Proto.MetShare ToProto(MetShare share)
    {
        var proto = new Proto.MetShare { Met = share.Met, Decided = share.Decided };
        if (share.Fraction is { } fraction)
        {
            proto.Fraction = fraction;
        }

        return proto;
    }

    public static Proto.Commitment ToProto(Commitment commitment) => new()
    {
        StartsAt = Timestamp.FromDateTimeOffset(commitment.StartsAt),
        DueAt = Timestamp.FromDateTimeOffset(commitment.DueAt),
        Basis = commitment.Basis.ByName<Proto.CommitmentBasis>(),
        NotBefore = ToTimestamp(commitment.NotBefore),
        OriginalDueAt = ToTimestamp(commitment.OriginalDueAt),
        CustomerCaused = commitment.CustomerCaused,
        Rule = commitment.Rule,
    };

    public static Proto.Visit ToProto(VisitRow visit, Commitment? commitment) => new()
    {
        VisitId = visit.VisitId.ToString(),
        OrderId = visit.OrderId.ToString(),
        EngineerId = visit.EngineerId,
        EngineerName = visit.EngineerName,
        OutletId = visit.OutletId,
        Status = VisitStatus(visit.Status),
        AssignedBy = System.Enum.Parse<Proto.AssignedBy>(visit.AssignedBy),
        PlannedArrival = Timestamp.FromDateTimeOffset(visit.PlannedArrival),
        TravelMinutes = (int)visit.TravelMinutes,
        DistanceKm = (double)visit.DistanceKm,
        AssignedAt = Timestamp.FromDateTimeOffset(visit.AssignedAt),
        AcceptedAt = ToTimestamp(visit.AcceptedAt),
        EnRouteAt = ToTimestamp(visit.EnRouteAt),
        ExpectedArrival = ToTimestamp(visit.ExpectedArrival),
        ArrivedAt = ToTimestamp(visit.ArrivedAt),
        OnTime = visit.ArrivedAt is { } arrived && commitment is not null && arrived <= commitment.DueAt,
        CompletedAt = ToTimestamp(visit.CompletedAt),
        CustomerAbsentAt = ToTimestamp(visit.CustomerAbsentAt),
        ArrivedEarly = visit.ArrivedEarly,
    };

    public static Proto.OrderDispatch ToProto(DispatchRecord record, CommitmentState state)
    {
        var proto = new Proto.OrderDispatch
        {
            OrderId = record.Order.OrderId.ToString(),
            OrderNumber = record.OrderNumber,
            BranchCode = record.Order.BranchCode,
            DistrictCode = record.Order.DistrictCode,
            OrderType = ToProto(record.Order.Type),
            IsUrban = record.Order.IsUrban,
            RegisteredAt = Timestamp.FromDateTimeOffset(record.Order.RegisteredAt),
            AwaitingAppointment = record.AwaitingAppointment,
            State = ToProto(state),
            Cancelled = record.IsCancelled,
            DistrictName = record.DistrictName,
        };
        if (record.Booking is { } booking)
        {
            proto.BookingDueAt = Timestamp.FromDateTimeOffset(booking.DueAt);
            proto.BookingState = booking.State switch
            {
                BookingDeadline.Open => Proto.CommitmentState.OnTrack,
                BookingDeadline.Warned => Proto.CommitmentState.Warned,
                BookingDeadline.Met => Proto.CommitmentState.Met,
                BookingDeadline.Breached => Proto.CommitmentState.Breached,
                _ => Proto.CommitmentState.Unspecified,
            };
        }

        if (record.Commitment is { } commitment)
        {
            proto.Commitment = ToProto(commitment);
        }

        var current = record.CurrentVisit;
        if (current is not null)
        {
            proto.CurrentVisit = ToProto(current, record.Commitment);
        }

        proto.EarlierVisits.AddRange(record.Visits.Where(v => v != current).Select(v => ToProto(v, record.Commitment)));
        proto.Escalations.AddRange(record.Escalations.Select(e => new Proto.Escalation
        {
            EscalationId = e.EscalationId.ToString(),
            ServiceDirector = e.ServiceDirector,
            Reason = e.Reason,
            EscalatedAt = Timestamp.FromDateTimeOffset(e.EscalatedAt),
        }));
        return proto;
    }

    public static Proto.FeeQuote ToProto(FeeQuote quote) => new()
    {
        Revision = quote.Revision,
        Chargeable = quote.Chargeable,
        TotalYuan = quote.Total.ToString("0.00", CultureInfo.InvariantCulture),
        Provisional = quote.Provisional,
    };

    public static Proto.Branch ToProto(Branch branch)
    {
        var proto = new Proto.Branch
        {
            Code = branch.Code, Name = branch.Name, TimeZoneId = branch.TimeZoneId, ServiceDirector = branch.ServiceDirector,
        };
        proto.Areas.AddRange(branch.Areas);
        return proto;
    }

    public static Proto.Outlet ToProto(Outlet outlet)
    {
        var proto = new Proto.Outlet
        {
            OutletId = outlet.Id,
            BranchCode = outlet.BranchCode,
            Name = outlet.Name,
            Kind = outlet.Kind.ByName<Proto.OutletKind>(),
            ProviderName = outlet.ProviderName ?? "",
        };
        proto.Coverage.AddRange(outlet.Coverage.Select(c => new Proto.DistrictCoverage
        {
            DistrictCode = c.DistrictCode, TravelMinutes = (int)c.Travel.TotalMinutes, DistanceKm = (double)c.DistanceKm,
        }));
        return proto;
    }

    public static Proto.Engineer ToProto(Engineer engineer, string branchCode)
    {
        var proto = new Proto.Engineer
        {
            EngineerId = engineer.Id,
            Name = engineer.Name,
            OutletId = engineer.OutletId,
            BranchCode = branchCode,
            DailyCapacity = engineer.DailyCapacity,
            Active = engineer.Active,
        };
        proto.Skills.AddRange(engineer.Skills.Order().Select(s => s.ByName<Proto.Skill>()));
        proto.Shifts.AddRange(engineer.Shifts.Select(s =>
        {
            var shift = new Proto.Shift { Start = Clock(s.Start), End = Clock(s.End) };
            shift.Days.AddRange(s.Days.Order().Select(d => d.ByName<Proto.Weekday>()));
            return shift;
        }));
        proto.VisitDurations.AddRange(engineer.VisitDurations.OrderBy(d => d.Key).Select(d => new Proto.VisitDuration
        {
            OrderType = ToProto(d.Key), Minutes = (int)d.Value.TotalMinutes,
        }));
        return proto;
    }

    private static string Clock(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);
}
