global using Callout.Dashboard.Domain;
global using Callout.Dashboard.Domain.Alarms;
global using static Callout.Dashboard.Ui.Tests.UiHarness;
