package dev.cowfleet.models.server;

import dev.cowfleet.models.heap.HeapImage;
import dev.cowfleet.models.heap.InheritedGcState;
import dev.cowfleet.models.heap.PageClass;
import dev.cowfleet.models.heap.Residence;
import dev.cowfleet.models.runtime.GcPolicy;
import dev.cowfleet.models.runtime.InterpreterProfile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The master process at fork: its heap image after the policy's pre-fork steps. Immutable.
 *
 * <ul>
 *   <li>{@code gc.disable()} early: every tracked object allocated afterwards stays in generation 0,
 *       so {@code count0} at fork is the whole unfrozen tracked heap, and the master's collections
 *       leave no holes (the {@code collectorHoleShare} of free slots disappears: those pages become
 *       full pages);</li>
 *   <li>immortalization (Cinder's {@code immortalize_heap()}): a full collection (counters to 0,
 *       {@code longLivedTotal} = its survivors), then freeze, then every object immortal;</li>
 *   <li>{@code gc.freeze()}: every tracked object moves to the permanent generation and all three
 *       counts are zeroed ({@code gc_freeze_impl} sets {@code generations[i].count = 0} for every
 *       generation; {@code gc.get_count()} reads (0, 0, 0) right after it on 3.7 to 3.13), so a
 *       worker's first generation-2 check waits for {@code threshold2 + 1} generation-1 collections;
 *       the long-lived pair stays.</li>
 * </ul>
 */
public final class Master {
    private final HeapImage image;
    private final InterpreterProfile profile;
    private final GcPolicy policy;
    private final List<PageClass> classes;
    private final InheritedGcState inherited;
    private final long pages;
    private final long collectableObjects;
    private final long youngObjects;
    private final double freeSlots;

    private Master(HeapImage image, InterpreterProfile profile, GcPolicy policy, List<PageClass> classes,
                   InheritedGcState inherited, long collectableObjects, long youngObjects) {
        this.image = image;
        this.profile = profile;
        this.policy = policy;
        this.classes = Collections.unmodifiableList(classes);
        this.inherited = inherited;
        this.collectableObjects = collectableObjects;
        this.youngObjects = youngObjects;
        long n = 0;
        double slots = 0;
        for (PageClass c : classes) {
            n += c.pages();
            slots += c.pages() * c.freeSlotsPerPage();
        }
        this.pages = n;
        this.freeSlots = slots;
    }

    /** Applies the policy's pre-fork steps to the image; throws if the interpreter cannot apply the policy. */
    public static Master prepare(HeapImage image, InterpreterProfile profile, GcPolicy policy) {
        policy.checkSupportedBy(profile);
        InheritedGcState state = image.inherited();
        HeapImage heap = image;
        long unfrozen = image.trackedObjects() - image.frozenObjects();
        if (policy.disableEarlyInMaster()) {
            state = new InheritedGcState(unfrozen, state.count1(), state.count2(), state.longLivedTotal(),
                    state.longLivedPending());
            heap = HeapImage.fromMeasured(image.measured(), image.layout(), state, profile, image.pageSize());
        }
        if (policy.immortalize()) {
            state = InheritedGcState.afterFullCollection(unfrozen);
        }
        boolean frozen = policy.freezesBeforeFork();
        if (frozen) {
            state = new InheritedGcState(0, 0, 0, state.longLivedTotal(), state.longLivedPending());
        }
        List<PageClass> classes = new ArrayList<>();
        double keptHoles = policy.disableEarlyInMaster() ? 1 - image.layout().collectorHoleShare() : 1;
        for (PageClass c : heap.classes()) {
            PageClass p = frozen && c.residence().visitedByFullCollection() ? c.withResidence(Residence.FROZEN) : c;
            p = policy.immortalize() ? p.asImmortal() : p;
            if (p.hasHoles() && keptHoles < 1) {
                long holes = Math.round(p.pages() * keptHoles);
                addIfPages(classes, withPages(p, holes));
                addIfPages(classes, withPages(p.withFreeSlotsPerPage(0), p.pages() - holes));
            } else {
                classes.add(p);
            }
        }
        long collectable = frozen ? 0 : unfrozen;
        long young = frozen ? 0 : heap.youngObjects0() + heap.youngObjects1();
        return new Master(heap, profile, policy, classes, state, collectable, young);
    }

    private static PageClass withPages(PageClass c, long pages) {
        return new PageClass(c.label(), pages, c.objectsPerPage(), c.trackedPerPage(), c.residence(),
                c.hotObjectsPerPage(), c.freeSlotsPerPage(), c.immortal());
    }

    private static void addIfPages(List<PageClass> out, PageClass c) {
        if (c.pages() > 0) {
            out.add(c);
        }
    }

    public HeapImage image() {
        return image;
    }

    public InterpreterProfile profile() {
        return profile;
    }

    public GcPolicy policy() {
        return policy;
    }

    /** Page classes after the policy's pre-fork steps (index = class index used by workers). */
    public List<PageClass> classes() {
        return classes;
    }

    /** The collector counters every worker inherits. */
    public InheritedGcState inherited() {
        return inherited;
    }

    public long pages() {
        return pages;
    }

    public long pageBytes() {
        return image.pageBytes();
    }

    /** The master's resident inherited heap: every page workers may share. */
    public long masterBytes() {
        return pages * image.pageBytes();
    }

    /** Inherited tracked objects a collection can visit (not frozen). */
    public long collectableObjects() {
        return collectableObjects;
    }

    /** Inherited tracked objects in generations 0 and 1 at fork. */
    public long youngObjects() {
        return youngObjects;
    }

    /** Free pymalloc slots in inherited pools. */
    public double freeSlots() {
        return freeSlots;
    }
}
