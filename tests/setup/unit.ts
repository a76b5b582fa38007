// Unit tests run against an in-memory IndexedDB; nothing touches the network.
import 'fake-indexeddb/auto';
