using TclHotline.Complaints;
using TclHotline.Dispatch;
using TclHotline.Intake;
using TclHotline.ServiceDefaults;
using TclHotline.Sla;

// The embedded default: the four services' modules in one process, SQLite files under data/, the in-memory bus.
HotlineApp.Create(args, new IntakeModule(), new DispatchModule(), new SlaModule(), new ComplaintsModule()).Run();
