// Logs in, refreshes and reads the auth store exactly as the browser app does with the PocketBase SDK.
// Usage: node sdk-login.mjs <baseUrl> <email> <password>; prints one JSON line, exits non-zero on failure.
import PocketBase from 'pocketbase';

const [baseUrl, email, password] = process.argv.slice(2);
const pb = new PocketBase(baseUrl);
const result = {};
try {
    const auth = await pb.collection('users').authWithPassword(email, password);
    result.loginRecordId = auth.record.id;
    result.loginEmail = auth.record.email;
    result.storeValid = pb.authStore.isValid;
    result.storeRecordId = pb.authStore.record?.id ?? pb.authStore.model?.id;
    const firstToken = pb.authStore.token;
    const refreshed = await pb.collection('users').authRefresh();
    result.refreshedRecordId = refreshed.record.id;
    result.tokenChanged = refreshed.token !== firstToken;
    // The store keeps sending a token that has died (revoked here); logging in again works, as with PocketBase.
    await fetch(baseUrl + '/api/auth/logout', { method: 'POST', headers: { Authorization: pb.authStore.token } });
    const again = await pb.collection('users').authWithPassword(email, password);
    result.reloginRecordId = again.record.id;
    try {
        await new PocketBase(baseUrl).collection('users').authWithPassword(email, password + '-wrong');
        result.wrongPassword = 'accepted';
    } catch (e) {
        result.wrongPasswordStatus = e.status;
        result.wrongPasswordMessage = e.response?.message;
    }
    console.log(JSON.stringify(result));
} catch (e) {
    console.log(JSON.stringify({ error: String(e), status: e.status, response: e.response }));
    process.exit(1);
}
