using Grpc.Core;
using TclHotline.Grpc.Intake.V1;

namespace TclHotline.Cli;

/// <summary>show, list, cancel and lookup: one call each, printed as a table or as JSON.</summary>
public static class OrderCommands
{
    public static async Task<int> ShowAsync(CommandLine line, IntakeService.IntakeServiceClient client, CallOptions call, Output output)
    {
        var number = line.Positional(1, "order number");
        line.EnsureAllRead();
        var order = await client.GetServiceOrderAsync(new GetServiceOrderRequest { OrderNumber = number }, call);
        if (output.IsJson)
            output.Message(order);
        else
            output.Order(order);
        return CliApp.Ok;
    }

    public static async Task<int> ListAsync(CommandLine line, IntakeService.IntakeServiceClient client, CallOptions call, Output output)
    {
        var request = new ListServiceOrdersRequest
        {
            BranchCode = line.Option("branch") ?? "",
            Status = line.Choice<OrderStatus>("status"),
            OrderType = line.Choice<OrderType>("type"),
            RegisteredFrom = line.Option("from") ?? "",
            RegisteredTo = line.Option("to") ?? "",
            PageSize = line.Number("page-size") ?? 0,
            PageToken = line.Option("page-token") ?? "",
        };
        line.EnsureAllRead();
        var reply = await client.ListServiceOrdersAsync(request, call);
        if (output.IsJson)
        {
            output.Message(reply);
            return CliApp.Ok;
        }
        output.Table(Output.OrderHeaders, reply.Orders.Select(Output.OrderRow));
        if (reply.NextPageToken.Length > 0)
            output.Line($"More: --page-token {reply.NextPageToken}");
        return CliApp.Ok;
    }

    public static async Task<int> CancelAsync(CommandLine line, IntakeService.IntakeServiceClient client, CallOptions call, Output output)
    {
        var request = new CancelServiceOrderRequest
        {
            OrderNumber = line.Positional(1, "order number"),
            Reason = line.Required("reason"),
            CancelledBy = line.Option("by") ?? "",
        };
        line.EnsureAllRead();
        var order = await client.CancelServiceOrderAsync(request, call);
        if (output.IsJson)
            output.Message(order);
        else
            output.Line($"{order.OrderNumber} cancelled: {order.CancelReason}");
        return CliApp.Ok;
    }

    public static async Task<int> LookupAsync(CommandLine line, IntakeService.IntakeServiceClient client, CallOptions call, Output output)
    {
        var request = new LookupCallerRequest { CallerNumber = line.Positional(1, "phone number"), MaxCalls = line.Number("calls") ?? 0 };
        line.EnsureAllRead();
        var reply = await client.LookupCallerAsync(request, call);
        if (output.IsJson)
        {
            output.Message(reply);
            return reply.Found ? CliApp.Ok : CliApp.NotFound;
        }
        if (!reply.Found)
        {
            output.Line($"No customer calls from {request.CallerNumber}.");
            return CliApp.NotFound;
        }
        var c = reply.Customer;
        output.Line($"{c.Name}  {c.CallerNumber}  {c.ProvinceCode}/{c.CityCode}/{c.DistrictCode} {c.StreetAddress}");
        output.Line();
        output.Table(["SERIAL", "MODEL", "INVOICE", "REPAIRS", "WARRANTY", "EXCHANGE"], reply.Units.Select(u => (IReadOnlyList<string>)
            [u.SerialNumber, u.ProductModel, u.InvoiceDate, u.RepairCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
             Output.Name(u.Warranty.Coverage), u.Warranty.ExchangeEligible ? "ELIGIBLE" : ""]));
        output.Line();
        output.Table(Output.OrderHeaders, reply.OpenOrders.Select(Output.OrderRow));
        output.Line();
        output.Table(["CALLED", "TYPE", "ORDER", "REPEAT", "AGENT"], reply.LastCalls.Select(k => (IReadOnlyList<string>)
            [Output.Time(k.CalledAt), Output.Name(k.OrderType), k.OrderNumber, k.RepeatCall ? "repeat" : "", k.AgentId]));
        return CliApp.Ok;
    }
}
