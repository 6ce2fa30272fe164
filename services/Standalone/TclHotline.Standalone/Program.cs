using TclHotline.Complaints;
using TclHotline.Dispatch;
using TclHotline.Intake;
using TclHotline.ServiceDefaults;
using TclHotline.Sla;
using TclHotline.Telephony;

// The embedded default: every service's modules in one process, SQLite files under data/, the in-memory bus.
HotlineApp.Create(args, new IntakeModule(), new TelephonyModule(), new DispatchModule(), new SlaModule(), new ComplaintsModule()).Run();
