using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using TclHotline.Complaints.Api;
using TclHotline.Complaints.Application;
using TclHotline.Complaints.Application.Notifications;
using TclHotline.Complaints.Consumers;
using TclHotline.Complaints.Domain;
using TclHotline.Complaints.Domain.EngineerQuality;
using TclHotline.Complaints.Domain.Notifications;
using TclHotline.Complaints.Domain.SystemRaised;
using TclHotline.ServiceDefaults.Messaging;
using TclHotline.ServiceDefaults.Modules;

namespace TclHotline.Complaints;

public sealed class ComplaintsModule : IServiceModule
{
    public string Name => "complaints";

    public void AddServices(IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<ComplaintsDatabase>();

        var services = builder.Services;
        services.AddValidatedOptions<ComplaintsOptions>(builder.Configuration.GetSection(ComplaintsOptions.Section));
        // The domain takes its option parts as plain objects, read once at start-up.
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ComplaintsOptions>>().Value);
        services.AddSingleton(sp => sp.GetRequiredService<ComplaintsOptions>().Deadlines);
        services.AddSingleton(sp => sp.GetRequiredService<ComplaintsOptions>().Escalation);
        services.AddSingleton(sp => sp.GetRequiredService<ComplaintsOptions>().Satisfaction);
        services.AddSingleton(sp => sp.GetRequiredService<ComplaintsOptions>().RaisedBySystem);
        services.AddSingleton(sp => sp.GetRequiredService<ComplaintsOptions>().EngineerQuality);
        services.AddSingleton(sp => sp.GetRequiredService<ComplaintsOptions>().Listing);

        services.AddSingleton<ComplaintDeadlines>();
        services.AddSingleton<EscalationLadder>();
        services.AddSingleton<ComplaintLifecycle>();
        services.AddSingleton<ComplaintEscalation>();
        services.AddSingleton<SystemRaisedComplaints>();
        services.AddSingleton<EngineerAssessment>();
        services.AddSingleton<ComplaintRequestValidator>();
        services.AddSingleton<ComplaintCommands>();
        AddNotifications(builder);
    }

    /// <summary>The owners' inboxes (rule 25) and their outside channels, configured under <c>Notifications</c>.</summary>
    private static void AddNotifications(IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<NotificationOptions>(builder.Configuration.GetSection(NotificationOptions.Section));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<NotificationOptions>>().Value);
        services.AddSingleton(sp => sp.GetRequiredService<NotificationOptions>().Delivery);
        services.AddSingleton<Inbox>();
        services.AddSingleton<NotificationRecipients>();
        services.AddSingleton<NotificationText>();
        services.AddSingleton<NotificationCommands>();
        services.AddHttpClient(WebhookChannel.HttpClientName);
        services.AddSingleton<INotificationChannel, EmailChannel>();
        services.AddSingleton<INotificationChannel, WebhookChannel>();
        services.AddSingleton<NotificationSender>();
        services.AddHostedService<UnsentDeliveryRetry>();
        services.AddHostedService<EngineerQualityReports>();
    }

    public void AddConsumers(ModuleConsumers consumers)
    {
        consumers.Add<ComplaintCallRegisteredConsumer>();
        consumers.Add<DeadlineBreachedConsumer>();
        consumers.Add<RepeatCallLinkedConsumer>();
        consumers.Add<ServiceOrderOpenedConsumer>();
        consumers.Add<EngineerAssignedConsumer>();
        consumers.Add<EngineerArrivedConsumer>();
        consumers.Add<VisitCompletedConsumer>();
        consumers.Add<DispatchEscalatedNotificationConsumer>();
        consumers.Add<BreachNotificationConsumer>();
        consumers.Add<ComplaintFiledNotificationConsumer>();
        consumers.Add<ComplaintEscalatedNotificationConsumer>();
        consumers.Add<ComplaintAcknowledgedNotificationConsumer>();
        consumers.Add<NotificationDeliveryConsumer>();
    }

    public void MapEndpoints(WebApplication app)
    {
        app.MapGrpcService<ComplaintDeskGrpcService>();
        app.MapGrpcService<NotificationsGrpcService>();
    }
}
