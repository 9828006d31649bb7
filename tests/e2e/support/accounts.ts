import path from 'node:path'

/** The first account of the e2e server, registered through the admin by first-user.setup.ts. */
export const ADMIN = { name: 'Nadia Editor', email: 'nadia@masthead.test', password: 'correct horse battery staple' }
export const ADMIN_STATE = path.resolve('test-results', '.auth', 'admin.json')
