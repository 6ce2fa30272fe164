using TclHotline.Complaints;
using TclHotline.ServiceDefaults;

HotlineApp.Create(args, new ComplaintsModule()).Run();
