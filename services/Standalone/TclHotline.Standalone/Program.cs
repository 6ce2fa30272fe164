using TclHotline.Complaints;
using TclHotline.Dispatch;
using TclHotline.Intake;
using TclHotline.Returns;
using TclHotline.ServiceDefaults;
using TclHotline.ServiceDefaults.Modules;
using TclHotline.Sla;
using TclHotline.Telephony;

// The embedded default: every service's modules in one process, SQLite files under data/, the in-memory bus.
IServiceModule[] modules = [new IntakeModule(), new TelephonyModule(), new DispatchModule(), new SlaModule(), new ComplaintsModule(), new ReturnsModule()];

// `deploy-topology`: the distributed mode's deploy-time step, declaring every service's queues and bindings on RabbitMQ.
if (args is ["deploy-topology", ..])
{
    await HotlineApp.DeployTopologyAsync(args[1..], null, modules);
    return;
}

HotlineApp.Create(args, modules).Run();
