using TclHotline.Returns;
using TclHotline.ServiceDefaults;

HotlineApp.Create(args, new ReturnsModule()).Run();
