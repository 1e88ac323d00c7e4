package com.example.heroes;

import dev.hero.domain.model.Hero;
import dev.hero.domain.model.HeroChanges;
import dev.hero.domain.model.HeroPage;
import dev.hero.domain.model.HeroQuery;
import dev.hero.domain.model.KeyedCreate;
import dev.hero.domain.model.NewHero;
import dev.hero.domain.model.Precondition;
import dev.hero.domain.port.out.Heroes;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An adapter of hero-domain's {@link Heroes} port of your own: the heroes in one file, rewritten whole on every write (a
 * new file, forced to disk, then moved over the old one), so a write that returned is durable and a crash leaves the old
 * file or the new one, never half of one. One writer at a time; fine for a few thousand heroes. {@code FileHeroesTest}
 * proves it against the port's contract suite (versions and conditional writes included: a write that checks
 * the version under the same lock as it writes is atomic).
 */
public final class FileHeroes implements Heroes {

    private final Path file;
    private TreeMap<Long, Hero> byId = new TreeMap<>();
    /** The records of creates under an idempotency key, by key: written in the same file as the heroes. */
    private Map<String, KeyRecord> keys = new HashMap<>();
    /** The highest id ever handed out, kept in the file: ids are never reused, not even after a restart. */
    private long lastId;

    public FileHeroes(Path file) {
        this.file = file;
        if (Files.exists(file)) {
            load();
        }
    }

    @Override
    public synchronized Hero add(NewHero hero) {
        Hero stored = new Hero(lastId + 1, hero.name(), hero.age(), hero.secretName(), Hero.FIRST_VERSION);
        TreeMap<Long, Hero> next = new TreeMap<>(byId);
        next.put(stored.id(), stored);
        save(next, stored.id(), keys);
        return stored;
    }

    private record KeyRecord(String fingerprint, long heroId, long expiresAtMillis) {
    }

    /** The hero and its key in one new file: a crash keeps both or neither. Expired keys are dropped on the way. */
    @Override
    public synchronized KeyedCreate.Outcome add(NewHero hero, KeyedCreate create) {
        KeyRecord stored = keys.get(create.key().value());
        if (stored != null && stored.expiresAtMillis() > create.now().toEpochMilli()) {
            return new KeyedCreate.Stored(stored.fingerprint(), stored.heroId());
        }
        Hero added = new Hero(lastId + 1, hero.name(), hero.age(), hero.secretName(), Hero.FIRST_VERSION);
        TreeMap<Long, Hero> next = new TreeMap<>(byId);
        next.put(added.id(), added);
        Map<String, KeyRecord> nextKeys = new HashMap<>(keys);
        nextKeys.values().removeIf(key -> key.expiresAtMillis() <= create.now().toEpochMilli());
        nextKeys.put(create.key().value(), new KeyRecord(create.fingerprint(), added.id(), create.expiresAt().toEpochMilli()));
        save(next, added.id(), nextKeys);
        return new KeyedCreate.Added(added);
    }

    @Override
    public synchronized Optional<Hero> findById(long id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public synchronized HeroPage find(HeroQuery query) {
        return HeroPage.select(query, byId.values());
    }

    @Override
    public synchronized Optional<Hero> update(long id, HeroChanges changes, Precondition precondition) {
        Hero current = byId.get(id);
        if (current == null || !precondition.allows(current.version())) {
            return Optional.empty();
        }
        Hero changed = current.apply(changes);
        if (changed == current) {
            return Optional.of(current);
        }
        TreeMap<Long, Hero> next = new TreeMap<>(byId);
        next.put(id, changed);
        save(next, lastId, keys);
        return Optional.of(changed);
    }

    @Override
    public synchronized boolean delete(long id, Precondition precondition) {
        Hero current = byId.get(id);
        if (current == null || !precondition.allows(current.version())) {
            return false;
        }
        TreeMap<Long, Hero> next = new TreeMap<>(byId);
        next.remove(id);
        save(next, lastId, keys);
        return true;
    }

    /** Every hero and idempotency key gone; the ids handed out stay used. */
    public synchronized void deleteAll() {
        save(new TreeMap<>(), lastId, new HashMap<>());
    }

    /** Writes the new state, then takes it: a write that fails leaves this adapter as it was. */
    private void save(TreeMap<Long, Hero> heroes, long highestId, Map<String, KeyRecord> keyRecords) {
        Path next = file.resolveSibling(file.getFileName() + ".next");
        try (FileChannel channel = FileChannel.open(next, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            DataOutputStream out = new DataOutputStream(Channels.newOutputStream(channel));
            out.writeLong(highestId);
            out.writeInt(heroes.size());
            for (Hero hero : heroes.values()) {
                out.writeLong(hero.id());
                out.writeUTF(hero.name());
                out.writeBoolean(hero.age() != null);
                out.writeInt(hero.age() == null ? 0 : hero.age());
                out.writeUTF(hero.secretName());
                out.writeLong(hero.version());
            }
            out.writeInt(keyRecords.size());
            for (Map.Entry<String, KeyRecord> key : keyRecords.entrySet()) {
                out.writeUTF(key.getKey());
                out.writeUTF(key.getValue().fingerprint());
                out.writeLong(key.getValue().heroId());
                out.writeLong(key.getValue().expiresAtMillis());
            }
            out.flush();
            channel.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + next, e);
        }
        try {
            Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot replace " + file, e);
        }
        byId = heroes;
        lastId = highestId;
        keys = keyRecords;
    }

    private void load() {
        try (InputStream stream = Files.newInputStream(file); DataInputStream in = new DataInputStream(stream)) {
            lastId = in.readLong();
            for (int count = in.readInt(); count > 0; count--) {
                long id = in.readLong();
                String name = in.readUTF();
                boolean hasAge = in.readBoolean();
                int age = in.readInt();
                String secretName = in.readUTF();
                byId.put(id, new Hero(id, name, hasAge ? age : null, secretName, in.readLong()));
            }
            for (int count = in.readInt(); count > 0; count--) {
                keys.put(in.readUTF(), new KeyRecord(in.readUTF(), in.readLong(), in.readLong()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
