using TclHotline.Intake;
using TclHotline.ServiceDefaults;
using TclHotline.Telephony;

// The intake service: hotline calls and orders, and the telephony connection that reports those calls.
HotlineApp.Create(args, new IntakeModule(), new TelephonyModule()).Run();
