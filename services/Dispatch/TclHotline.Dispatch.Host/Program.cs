using TclHotline.Dispatch;
using TclHotline.ServiceDefaults;

HotlineApp.Create(args, new DispatchModule()).Run();
