using TclHotline.Sla;
using TclHotline.ServiceDefaults;

HotlineApp.Create(args, new SlaModule()).Run();
