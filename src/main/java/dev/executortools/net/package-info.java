/**
 * Where requests may go. {@link dev.executortools.net.AddressClass} sorts addresses (public,
 * private, link-local/metadata) by range; {@link dev.executortools.net.NetworkPolicy} says which
 * classes a model-chosen URL may reach, counts the machine's own interface addresses as private,
 * and is applied to OkHttp as a {@link dev.executortools.net.PolicyDns} and a {@link
 * dev.executortools.net.NetworkPolicyInterceptor}, so the check runs on the address actually
 * connected, on every redirect hop; when {@link dev.executortools.net.ProxyRoutes} says a forward
 * proxy carries a request, the URL's host is judged before the proxy gets it. {@link
 * dev.executortools.net.RedirectGuardInterceptor} keeps a request's own headers on its origin and
 * refuses https → http redirects.
 */
package dev.executortools.net;
