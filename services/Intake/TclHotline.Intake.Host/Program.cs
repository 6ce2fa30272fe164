using TclHotline.Intake;
using TclHotline.ServiceDefaults;

HotlineApp.Create(args, new IntakeModule()).Run();
