/**
 * Where requests may go. {@link dev.executortools.net.AddressClass} sorts addresses (public,
 * private, link-local/metadata); {@link dev.executortools.net.NetworkPolicy} says which classes a
 * model-chosen URL may reach and is applied to OkHttp as a {@link dev.executortools.net.PolicyDns}
 * and a {@link dev.executortools.net.NetworkPolicyInterceptor}, so the check runs on the address
 * actually connected, on every redirect hop. {@link dev.executortools.net.RedirectGuardInterceptor}
 * keeps a request's own headers on its origin and refuses https → http redirects.
 */
package dev.executortools.net;
