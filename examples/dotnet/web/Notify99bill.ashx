<%@ WebHandler Language="C#" Class="PaySignExamples.Notify99bill" %>
