using TclHotline.ServiceDefaults;
using TclHotline.Sla;

HotlineApp.Create(args, new SlaModule()).Run();
