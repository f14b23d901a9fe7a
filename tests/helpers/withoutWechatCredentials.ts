/**
 * Import this first in a test file that needs levee without mini-program credentials. It runs before any module of
 * levee reads the configuration, which is then cached for the file; the environment is the file's own copy.
 */
delete process.env.WECHAT_MP_APPID;
delete process.env.WECHAT_MP_SECRET;

export {};
